// The built `video-logs check` against the stand-in space: the faithful space exits 0, each fault exits 1 with its
// check named in every report format; the selection flags and --list-checks.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHECK_NAMES } from "../../src/findings/checks.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, type CliRunner, runBin, runInProcess } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { FAULTS, type Fault, startStandInSpace } from "../helpers/stand-in-space.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
let server: LocalServer | undefined;

beforeAll(() => assertBuilt());
afterEach(async () => {
  await server?.close();
  server = undefined;
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
const FIRST_FAULT = Object.keys(FAULTS)[0];

describe("video-logs check against the stand-in space", () => {
  it("exits 0 on the faithful space with no finding", async () => {
    const { code, stdout, stderr } = await check([], "--format", "json");
    const report = JSON.parse(stdout) as DriftReport;
    // The JSON report on stdout, the summary line on stderr.
    expect(stderr).toBe(
      `OK: 0 breaking, 0 additive findings; ${report.summary.requests} requests, ${report.summary.requests} judged: ${report.summary.requests} conform (base-url ${server!.url})\n`,
    );
    expect(report.exchanges.flatMap((c) => c.violations)).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.plan.every((planned) => planned.exercised)).toBe(true);
    expect(report.checksRun).toEqual(CHECK_NAMES);
    expect(report.summary.requests).toBeLessThanOrEqual(60);
    expect(code).toBe(0);
  });

  it.each(Object.entries(FAULTS) as [Fault, string][])(
    "exits 1 on the fault %s and names the check %s",
    async (fault, name) => {
      // The built executable meets the first fault; the others reach its runCli in-process.
      const { code, stdout } = await (fault === FIRST_FAULT ? check : checkInProcess)([fault], "--format", "json");
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as DriftReport;
      expect([...new Set(report.exchanges.flatMap((c) => c.violations.map((v) => v.check)))]).toEqual([name]);
      expect([...new Set(report.findings.map((f) => f.check))]).toEqual([name]);
    },
  );

  const FILTER = "created_after=2026-01-09T12:00:00.000Z";
  it.each([
    [
      "text",
      [
        `BREAKING [parameters-honoured] list_logs 200 /data/*/created_at: an item outside the filter ${FILTER} is listed`,
        "  expected created_at after 2026-01-09T12:00:00.000Z (boundary either way), actual 2026-01-09T06:00:00.000Z",
        // Three responses of the filtered listing showed it: one finding, counted once per response.
        "  seen in 3 responses (first: list_logs page 1 (include_deleted=false, created_before=NOW, page_size=5, created_after=2026-01-09T12:00:00.000Z))",
      ],
    ],
    // Markdown escapes the punctuation of every text cell.
    [
      "markdown",
      [
        "| breaking | parameters-honoured | `list_logs` | 200 | `/data/*/created_at` | an item outside the filter created\\_after\\=2026\\-01\\-09T12\\:00\\:00\\.000Z is listed | `2026-01-09T06:00:00.000Z` | 3 |",
      ],
    ],
    [
      "junit",
      [
        '    <testcase classname="video-logs.parameters-honoured" name="parameters-honoured list_logs" time="TIME">',
        `      <failure message="an item outside the filter ${FILTER} is listed" type="breaking">breaking [parameters-honoured] list_logs 200 /data/*/created_at: an item outside the filter ${FILTER} is listed`,
      ],
    ],
  ])("names the failing check in the %s report, once for its one finding", async (format, shown) => {
    // The built executable writes the text report; markdown and junit come from its runCli in-process.
    const { code, stdout } = await (format === "text" ? check : checkInProcess)(
      ["ignore-created-after"],
      "--format",
      format,
    );
    expect(code).toBe(1);
    const lines = stdout
      .split("\n")
      .map((line) =>
        line.replace(/time="[\d.]+"/, 'time="TIME"').replace(/created_before=[\dT:.-]+Z/, "created_before=NOW"),
      );
    for (const line of shown) expect(lines.filter((candidate) => candidate === line)).toHaveLength(1);
    // The one finding, whatever the format: one entry, one row, one failure.
    const entries = { text: /^BREAKING /, markdown: /^\| breaking /, junit: /^ *<failure / }[format]!;
    expect(lines.filter((line) => entries.test(line))).toHaveLength(1);
  });

  it("runs only --checks and leaves out --skip-checks", async () => {
    const only = await check(
      ["send-text-plain", "answer-without-credentials"],
      "--format",
      "json",
      "--checks",
      "authentication",
    );
    expect(only.code).toBe(1);
    const report = JSON.parse(only.stdout) as DriftReport;
    expect(report.checksRun).toEqual(["authentication"]);
    expect(report.exchanges.map((c) => c.kind)).toEqual(["no-credentials", "wrong-credentials"]);
    await server!.close();
    // --checks runs the built executable; --skip-checks its runCli in-process.
    const skipped = await checkInProcess(["send-text-plain"], "--format", "json", "--skip-checks", "content-type");
    expect(skipped.code).toBe(0);
    expect((JSON.parse(skipped.stdout) as DriftReport).checksRun).not.toContain("content-type");
  });

  it("lists every check on one line each", async () => {
    const { code, stdout } = await runBin(["check", "--list-checks"]);
    expect(code).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(CHECK_NAMES);
  });

  it.each([
    [["--checks", "schema"], '--checks: unknown check "schema"'],
    [["--skip-checks", ","], "--skip-checks: no check named"],
    [["--rate", "fast"], "--rate: expected requests per second"],
    [["--max-requests", "0"], "--max-requests"],
    [["--concurrency", "0"], "--concurrency must be a whole number from 1 to 32"],
  ])("refuses %j as a usage error before sending anything", async (args, message) => {
    server = await startStandInSpace();
    // The built executable refuses the first; the others reach its runCli in-process.
    const run = args[0] === "--checks" ? runBin : runInProcess;
    const { code, stderr } = await run(["check", "--base-url", server.url, ...args], env);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(server.requests).toEqual([]);
  });

  it("keeps to --max-requests and --rate", async () => {
    const { code, stdout } = await check([], "--format", "json", "--max-requests", "8", "--rate", "1000/s");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as DriftReport;
    expect(server!.requests).toHaveLength(8);
    expect(report.summary.requests).toBe(8);
    expect(report.notes.join("\n")).toContain("request budget of 8 was spent");
  });

  it("reports the same checks in the same order with the default concurrency as with --concurrency 1", async () => {
    // Each run pins its listings to its own start time (created_before=…): the pin is left out of the names compared.
    const pinned = /created_before=[^,)]+/g;
    const shown = (stdout: string) =>
      (JSON.parse(stdout) as DriftReport).exchanges.map((c) => [
        c.kind,
        c.name.replace(pinned, "created_before=<pin>"),
        c.status,
        c.violations.map((v) => `${v.check} ${v.pointer}`),
      ]);
    const concurrent = await check(["ignore-created-after"], "--format", "json");
    await server!.close();
    // The default concurrency runs the built executable; --concurrency 1 its runCli in-process.
    const oneByOne = await checkInProcess(["ignore-created-after"], "--format", "json", "--concurrency", "1");
    expect(concurrent.code).toBe(1);
    expect(oneByOne.code).toBe(1);
    expect(shown(concurrent.stdout).length).toBeGreaterThan(10);
    expect(shown(concurrent.stdout)).toEqual(shown(oneByOne.stdout));
  });
});
