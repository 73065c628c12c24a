// The README's "From drift to a spec change" commands, run as written in a scratch copy of the repository: from the
// issue's drifted recording to regenerated validators that accept every JSON body it holds.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { OPENAPI_FORMAT_BIN } from "../helpers/apply-overlay.ts";
import { assertBuilt, BIN, cliEnv } from "../helpers/cli.ts";
import { driftedRecording, RECORDING_SECRETS } from "../helpers/har-recording.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The first `sh` block under the section's heading, one command a line. */
function sectionCommands(heading: string): string[] {
  const section = README.slice(README.indexOf(`\n## ${heading}\n`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block.split("\n").filter((line) => line.trim() !== "");
}

/** A README line as this checkout runs it: `npx video-logs` is the built bin, `npx openapi-format` the installed one. */
const asRun = (line: string) =>
  line
    .replace(/^npx video-logs /, `"${process.execPath}" "${BIN}" `)
    .replace(/^npx openapi-format /, `"${process.execPath}" "${OPENAPI_FORMAT_BIN}" `);

function sh(command: string, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], {
      cwd,
      env: cliEnv({ NO_COLOR: "1" }),
      timeout: 120_000,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const commands = sectionCommands("From drift to a spec change");
let scratch: string;
const runs: { line: string; code: number | null; output: string }[] = [];

beforeAll(async () => {
  assertBuilt();
  scratch = mkdtempSync(join(tmpdir(), "video-logs-readme-flow-"));
  for (const part of ["package.json", "redocly.yaml", "tsconfig.json", "openapi", "scripts", "src", "generated"])
    cpSync(join(ROOT, part), join(scratch, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(scratch, "node_modules"), "dir");
  writeFileSync(join(scratch, "rec.har"), JSON.stringify(driftedRecording()));
  for (const line of commands) runs.push({ line, ...(await sh(asRun(line), scratch)) });
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the README's way from drift to a spec change", () => {
  it("records, checks, proposes, applies, diffs and regenerates, each command with its documented exit code", () => {
    expect(commands.map((line) => line.split(" ").slice(0, 3).join(" "))).toEqual([
      "npx video-logs check",
      "npx openapi-format openapi/video-logs.openapi.yaml",
      "npx video-logs diff",
      "cp patched.yaml openapi/video-logs.openapi.yaml",
      "npm run generate",
    ]);
    // 1: drift found; the diff exits 1 as the proposal holds breaking changes.
    expect(
      runs.map(({ code }) => code),
      runs.map(({ line, output }) => `$ ${line}\n${output}`).join("\n"),
    ).toEqual([1, 0, 1, 0, 0]);
  });

  it("proposes from the recording without copying any of its credentials", () => {
    const yaml = readFileSync(join(scratch, "proposal.yaml"), "utf8");
    expect((parse(yaml) as OverlayDocument).actions.length).toBeGreaterThan(5);
    for (const secret of Object.values(RECORDING_SECRETS)) expect(yaml).not.toContain(secret);
    expect(readFileSync(join(scratch, "spec-diff.md"), "utf8")).toMatch(/currency/);
  });

  it("ends with regenerated validators that accept every JSON body of the recording", async () => {
    const validators = (await import(pathToFileURL(join(scratch, "generated", "validators.js")).href)) as {
      responseValidators: Record<string, Record<string, (body: unknown) => boolean>>;
    };
    const entries = (
      driftedRecording().log.entries as {
        request: { method: string; url: string };
        response: { status: number; content: { text?: string; encoding?: string; mimeType?: string } };
      }[]
    ).filter(
      (entry) =>
        entry.request.method === "GET" &&
        /\/api\/video\/logs(\/[^/?]+)?(\?|$)/.test(entry.request.url) &&
        entry.response.content.mimeType?.includes("json"),
    );
    expect(entries.length).toBe(6);
    for (const entry of entries) {
      const { text = "", encoding } = entry.response.content;
      const body = JSON.parse(encoding === "base64" ? Buffer.from(text, "base64").toString("utf8") : text);
      const operation = /\/api\/video\/logs\/[^/?]+/.test(entry.request.url) ? "get_log" : "list_logs";
      expect(validators.responseValidators[operation]![String(entry.response.status)]!(body), entry.request.url).toBe(
        true,
      );
    }
    expect(existsSync(join(scratch, "generated", "video-logs.d.ts"))).toBe(true);
  });
});
