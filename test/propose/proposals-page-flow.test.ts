// The commands of docs/proposals.md ("From drift to a spec change"), run as written in a project that has the package installed (no
// clone of the repository): from the drifted recording to a check by the patched spec (`--spec`) that accepts
// every JSON body the recording holds.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { OPENAPI_FORMAT_BIN } from "../helpers/apply-overlay.ts";
import { assertBuilt, BIN, cliEnv } from "../helpers/cli.ts";
import { driftedRecording, RECORDING_SECRETS } from "../helpers/har-recording.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PAGE = readFileSync(join(ROOT, "docs/proposals.md"), "utf8");

/** The page's first `sh` block, one command a line. */
function pageCommands(): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(PAGE)?.[1] ?? "";
  return block.split("\n").filter((line) => line.trim() !== "");
}

/** A line of the page as this checkout runs it: `npx video-logs` is the built bin, `npx openapi-format` the installed one. */
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

const commands = pageCommands();
/** The checks a recording cannot run, each skipped with why. */
const RECORDING_ONLY_SKIPS = [
  "parameters-honoured",
  "pagination-integrity",
  "cross-endpoint-consistency",
  "negative-data",
  "authentication",
].map((check) => `skipped: ${check}: a recording holds only the requests someone made, not the ones this check plans`);
let scratch: string;
const runs: { line: string; code: number | null; output: string }[] = [];

beforeAll(async () => {
  assertBuilt();
  scratch = mkdtempSync(join(tmpdir(), "video-logs-readme-flow-"));
  // The package as npm installs it: its manifest and the files it ships that the flow reads (the spec).
  const installed = join(scratch, "node_modules", "signalwire-video-logs");
  mkdirSync(installed, { recursive: true });
  for (const part of ["package.json", "openapi"]) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
  writeFileSync(join(scratch, "rec.har"), JSON.stringify(driftedRecording()));
  for (const line of commands) runs.push({ line, ...(await sh(asRun(line), scratch)) });
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("docs/proposals.md's way from drift to a spec change", () => {
  it("records, checks, proposes, applies, diffs and checks by the patched spec, each with its documented exit code", () => {
    expect(commands.map((line) => line.split(" ").slice(0, 3).join(" "))).toEqual([
      "npx video-logs check",
      "npx openapi-format node_modules/signalwire-video-logs/openapi/video-logs.openapi.yaml",
      "npx video-logs diff",
      "npx video-logs check",
    ]);
    // 1: drift found; the diff exits 1 as the proposal holds breaking changes; 0: the patched spec accepts it all.
    expect(
      runs.map(({ code }) => code),
      runs.map(({ line, output }) => `$ ${line}\n${output}`).join("\n"),
    ).toEqual([1, 0, 1, 0]);
  });

  it("proposes from the recording without copying any of its credentials", () => {
    const yaml = readFileSync(join(scratch, "proposal.yaml"), "utf8");
    expect((parse(yaml) as OverlayDocument).actions.length).toBeGreaterThan(5);
    for (const secret of Object.values(RECORDING_SECRETS)) expect(yaml).not.toContain(secret);
    expect(readFileSync(join(scratch, "spec-diff.md"), "utf8")).toMatch(/currency/);
  });

  it("ends with a check by the patched spec that accepts every JSON body of the recording, and says which spec", () => {
    const last = runs.at(-1)!;
    expect(last.line).toBe("npx video-logs check --har rec.har --spec patched.yaml");
    // Before the summary line again, the coverage: of the patched spec's items (72, where the built-in spec has 60),
    // its new enum value among those the recording did not show.
    const lines = last.output.split("\n");
    const coverageAt = lines.findIndex((line) => line.startsWith("coverage "));
    expect(lines[coverageAt]).toMatch(/^coverage \d+(\.\d)?%: \d+ of 72 declared items seen; not seen:$/);
    expect(lines.slice(coverageAt, -2).join("\n")).toContain('LogStatus: "in-progress", "archived", null');
    expect(lines.at(-3)).toBe("");
    expect([...lines.slice(0, coverageAt), ...lines.slice(-2)]).toEqual([
      "OK: 0 breaking, 0 additive findings; 10 entries, 6 judged: 6 conform; 4 not judged (recording rec.har)",
      ...RECORDING_ONLY_SKIPS,
      "skipped: entry 6 GET https://cdn.example.net/app.js: no operation of the spec has this path",
      "skipped: entry 7 OPTIONS https://example.signalwire.com/api/video/logs: the spec has GET at this path, not OPTIONS",
      "skipped: entry 8 GET https://example.signalwire.com/api/video/rooms: no operation of the spec has this path",
      "skipped: entry 9 POST https://example.signalwire.com/api/video/logs: the spec has GET at this path, not POST",
      "note: judged by the spec in patched.yaml (--spec), not the built-in one",
      "",
      "OK: 0 breaking, 0 additive findings; 10 entries, 6 judged: 6 conform; 4 not judged (recording rec.har)",
      "",
    ]);
  });
});
