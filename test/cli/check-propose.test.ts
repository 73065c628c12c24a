// The built `video-logs check --propose FILE` against the stand-in space with body-shape faults: the proposal it writes
// applies with openapi-format and leaves no violation when the same check runs again against the patched spec.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { summaryLine } from "../../src/report/summary-line.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { assertBuilt, type CliRunner, runBin, runInProcess } from "../helpers/cli.ts";
import { driftedRecording, RECORDING_SECRETS, writeHar } from "../helpers/har-recording.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { type Fault, standInLogs, startStandInSpace } from "../helpers/stand-in-space.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const DRIFT: Fault[] = ["charge-as-string", "new-status-value", "drop-locked", "null-url", "extend-charge-details"];
let server: LocalServer | undefined;
let dir: string;

beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), "video-logs-propose-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `video-logs check` against a new stand-in Space with `faults` (closed after the test), run by `run`. */
const checkWith =
  (run: CliRunner) =>
  async (faults: Fault[], ...args: string[]) => {
    server = await startStandInSpace({ faults });
    return run(["check", "--base-url", server.url, ...args], env);
  };
/** The built executable. */
const check = checkWith(runBin);
/** The runCli that bin/video-logs.js runs, in-process: for the variations beside a run of the executable. */
const checkInProcess = checkWith(runInProcess);

describe("video-logs check --propose FILE", () => {
  it("writes a proposal that makes every drifted body valid, and keeps the check's exit code", async () => {
    const file = join(dir, "proposal.yaml");
    const { code, stdout, stderr } = await check(DRIFT, "--format", "json", "--propose", file);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as DriftReport;
    expect(report.summary.breaking).toBeGreaterThan(0);
    // The summary line (the JSON report is on stdout), then where the proposal went.
    const [summary, written, ...rest] = stderr.split("\n");
    expect(summary).toBe(summaryLine(report));
    expect(summary).toMatch(new RegExp(`^DRIFT: [1-9]\\d* breaking, .*\\(base-url ${server!.url}\\)$`));
    expect(written).toMatch(
      new RegExp(`^Proposal \\(\\d+ action\\(s\\)\\) written to ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );
    expect(rest).toEqual([""]);
    const yaml = await readFile(file, "utf8");
    const overlay = parse(yaml) as OverlayDocument;
    expect(overlay.actions.length).toBeGreaterThan(5);

    const patched = parse((await applyOverlay(yaml)).text) as OpenApiDocument;
    const ajv = createSpecAjv(patched);
    const logs = standInLogs();
    const schema = responseSchemas(patched).find(
      (response) => response.operationId === "list_logs" && response.status === "200",
    )!.schema;
    const validate = ajv.compile(schema);
    // The stand-in's logs as the faults send them: every one valid for the patched spec.
    const { body } = await fetch(`${server!.url}/api/video/logs?page_size=60&include_deleted=true`, {
      headers: { authorization: `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}` },
    }).then(async (r) => ({ body: await r.json() }));
    expect((body as { data: unknown[] }).data).toHaveLength(logs.length);
    expect(validate(body) ? [] : validate.errors).toEqual([]);
  }, 60_000);

  it("writes one action that changes nothing when the space keeps the contract, and exits 0", async () => {
    const file = join(dir, "clean.yaml");
    // In-process, as runCli: what is judged is the proposal file (the built executable writes one in the test above).
    const { code, stderr } = await checkInProcess([], "--propose", file, "--quiet", "--out", join(dir, "clean.txt"));
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const overlay = parse(await readFile(file, "utf8")) as OverlayDocument;
    expect(overlay.actions).toEqual([
      { target: "$.info", description: expect.stringContaining("Nothing to propose"), update: {} },
    ]);
  }, 30_000);

  it("proposes the same changes for the same space, whatever the concurrency", async () => {
    const one = join(dir, "one.yaml");
    const four = join(dir, "four.yaml");
    // Both runs go through the runCli the built executable runs, in-process (the executable writes a proposal for the
    // same faults in the first test): what is compared is the two proposals.
    await checkInProcess(DRIFT, "--quiet", "--out", join(dir, "r1.txt"), "--concurrency", "1", "--propose", one);
    await server!.close();
    server = await startStandInSpace({ faults: DRIFT });
    await runInProcess(
      [
        "check",
        "--base-url",
        server.url,
        "--quiet",
        "--out",
        join(dir, "r4.txt"),
        "--concurrency",
        "8",
        "--propose",
        four,
      ],
      env,
    );
    // The evidence quotes the listings' created_before pin, which is the time each tour started; the changes are equal.
    const changes = async (file: string) =>
      (parse(await readFile(file, "utf8")) as OverlayDocument).actions.map(({ description: _, ...change }) => change);
    expect(await changes(four)).toEqual(await changes(one));
  }, 60_000);

  it("writes byte-identical proposals from a recording and from the same recording in reverse order", async () => {
    const recording = driftedRecording();
    const reversed = { log: { ...recording.log, entries: [...(recording.log.entries as unknown[])].reverse() } };
    const runs = [];
    // The built executable reads the recording; the runCli it runs reads the reversed one, in-process.
    for (const [name, har, run] of [
      ["forward", recording, runBin],
      ["reversed", reversed, runInProcess],
    ] as const) {
      const file = join(dir, `${name}.yaml`);
      const { code } = await run([
        "check",
        "--har",
        writeHar(dir, `${name}.har`, har),
        "--propose",
        file,
        "--quiet",
        "--out",
        join(dir, `${name}.txt`),
      ]);
      expect(code).toBe(1);
      runs.push(await readFile(file, "utf8"));
    }
    expect(runs[1]).toBe(runs[0]);
    for (const secret of Object.values(RECORDING_SECRETS)) expect(runs[0]).not.toContain(secret);
    expect((parse(runs[0]!) as OverlayDocument).actions).toHaveLength(10);
  }, 30_000);

  it("refuses a proposal file that is also a report's file, before sending anything", async () => {
    const file = join(dir, "same.yaml");
    // In-process, as runCli: the built executable's refusal of two outputs into one file is in flag-vocabulary.test.ts.
    const { code, stderr } = await checkInProcess([], "--out", file, "--propose", file);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `video-logs: --out and --propose name the same file, ${JSON.stringify(file)}: give each its own\nRun \`video-logs check --help\` for usage.\n`,
    );
    expect(server!.requests).toEqual([]);
  });
});
