// docs/ci.md's part on the action: every block it cannot run says why, the workflows that use the action give it only
// inputs it has and read only outputs it sets, and the tables list exactly action.yml's inputs (with their defaults)
// and outputs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/cli.ts";
import { ACTION } from "./helpers/composite-runner.ts";

const GUIDE = readFileSync(join(ROOT, "docs/ci.md"), "utf8");

/** Each fenced block: its language, its text, and the line before it. */
const blocks = [...GUIDE.matchAll(/(?:^|\n)([^\n]*)\n```(\w*)\n([\s\S]*?)\n```/g)].map((match) => ({
  before: match[1]!,
  language: match[2]!,
  text: match[3]!,
}));

type Workflow = { jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, unknown> }[] }> };

const actionSteps = blocks
  .filter((block) => block.language === "yaml")
  .flatMap((block) => Object.values((parse(block.text) as Workflow).jobs).flatMap((job) => job.steps))
  .filter((step) => step.uses?.endsWith("/signalwire-video-logs@v1"));

/** The first column of a Markdown table under `heading`: each `name` in backticks. */
function tableNames(heading: string): string[][] {
  const section = GUIDE.slice(GUIDE.indexOf(`### ${heading}\n`));
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("|")));
  return table
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .map((cells) => [...cells[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!).concat(cells[2]!));
}

describe("docs/ci.md on the action", () => {
  it("marks every block it does not run with the reason: only the shell blocks are run", () => {
    for (const block of blocks.filter((each) => each.language !== "sh"))
      expect(block.before, block.text.slice(0, 60)).toMatch(/^<!-- not run: needs .+ -->$/);
  });

  it("uses the action with its own inputs only, and reads only its outputs", () => {
    expect(actionSteps.length).toBe(2);
    for (const step of actionSteps)
      for (const name of Object.keys(step.with ?? {})) expect(Object.keys(ACTION.inputs)).toContain(name);
    const read = [...GUIDE.matchAll(/steps\.drift\.outputs\.([\w-]+)/g)].map((match) => match[1]!);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(Object.keys(ACTION.outputs)).toContain(name);
  });

  it("lists every input with its default, and every output", () => {
    const inputs = tableNames("Inputs");
    expect(inputs.map(([name]) => name)).toEqual(Object.keys(ACTION.inputs));
    for (const [name, shown] of inputs)
      expect(shown, name).toBe(ACTION.inputs[name!]!.default ? `\`${ACTION.inputs[name!]!.default}\`` : "");
    const outputs = tableNames("Outputs").flatMap((names) => names.slice(0, -1));
    expect(outputs.sort()).toEqual(Object.keys(ACTION.outputs).sort());
  });
});

describe("the README's step that uses the action", () => {
  it("gives it only inputs it has, each a text, and the history as a file", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /```yaml\n(- uses: [^\n]*signalwire-video-logs@v1\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, "README.md has a yaml block with a step that uses the action").toBeDefined();
    const [step] = parse(block!) as { with: Record<string, unknown> }[];
    for (const [name, value] of Object.entries(step!.with)) {
      expect(Object.keys(ACTION.inputs), name).toContain(name);
      expect(typeof value === "string" || typeof value === "boolean", name).toBe(true);
    }
    expect(step!.with.history).toMatch(/\.json$/);
  });
});
