// docs/examples/reports/ holds what the drift check writes today: the committed samples equal a fresh run of
// `npm run samples`, and match what the built CLI writes against the same stand-in Space once the parts that change
// from run to run are made equal.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_FAULTS, SAMPLE_FILES, SAMPLE_SEED, SAMPLES_DIR, sampleReports } from "../../scripts/sample-reports.ts";
import { REPORT_FORMATS } from "../../src/report/format-report.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, ROOT, runBin } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

const committed = (format: (typeof REPORT_FORMATS)[number]) =>
  readFileSync(join(SAMPLES_DIR, SAMPLE_FILES[format]), "utf8");

/**
 * Makes equal what differs between two runs: Markdown's backslash escapes are dropped first (identically on both
 * sides), then the loopback port, date-times (the start, and the listings' created_before pin in names and URLs),
 * durations and random UUIDs. The stand-in's own ids (1000000N-0000-4000-8000-…) stay.
 */
function normalise(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}(?::|%3A)\d{2}(?::|%3A)\d{2}(?:\.\d+)?Z/g, "DATE-TIME")
    .replace(/("durationMs": ?)\d+/g, "$1N")
    .replace(/\btime="[\d.]+"/g, 'time="N"')
    .replace(/\b\d+(?:\.\d+)? ?ms\b/g, "N ms")
    .replace(
      /\b(?!1[0-9a-f]{7}-0000-4000-8000-)[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b/g,
      "RANDOM-UUID",
    );
}

async function runCheck(cwd: string, args: string[]): Promise<number | null> {
  const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
  return (await runBin(["check", ...args], env, { cwd, timeoutMs: 60_000 })).code;
}

describe("the sample reports", () => {
  let space: LocalServer;
  const work = mkdtempSync(join(tmpdir(), "video-logs-samples-"));

  beforeAll(async () => {
    assertBuilt();
    space = await startStandInSpace({ faults: SAMPLE_FAULTS });
  });
  afterAll(async () => {
    await space?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("are what `npm run samples` writes now", async () => {
    const fresh = await sampleReports();
    for (const format of REPORT_FORMATS)
      expect(committed(format), `${SAMPLE_FILES[format]}: run npm run samples`).toBe(fresh[format]);
  }, 30_000);

  it("show breaking drift of two checks, one finding each", () => {
    const report = JSON.parse(committed("json")) as DriftReport;
    expect(report.summary.breaking).toBe(2);
    const checks = new Set(
      report.exchanges.flatMap((exchange) => exchange.violations.map((violation) => violation.check)),
    );
    expect([...checks].sort()).toEqual(["cross-endpoint-consistency", "response-schema"]);
    expect(report.findings.map((f) => [f.severity, f.check, f.operation, f.status, f.pointer])).toEqual([
      ["breaking", "response-schema", "get_log", 404, "/error"],
      ["breaking", "cross-endpoint-consistency", "get_log", 200, "/room_name"],
    ]);
    // The text sample shows each finding once, between the summary line and its repetition.
    const text = committed("text").trimEnd().split("\n");
    expect(text.filter((line) => line.startsWith("BREAKING "))).toHaveLength(2);
    expect(text.at(-1)).toBe(text[0]);
  });

  it("match, format by format, what the built CLI writes with --report against the same stand-in", async () => {
    const reports = REPORT_FORMATS.flatMap((format) => ["--report", `${format}=${SAMPLE_FILES[format]}`]);
    // The sarif and gitlab samples name the spec by its path from the repository's root.
    const args = ["--base-url", space.url, "--seed", String(SAMPLE_SEED), "--quiet", "--sarif-root", ROOT, ...reports];
    const code = await runCheck(work, args);
    expect(code).toBe(1);
    for (const format of REPORT_FORMATS) {
      const written = readFileSync(join(work, SAMPLE_FILES[format]), "utf8");
      expect(normalise(written), SAMPLE_FILES[format]).toBe(normalise(committed(format)));
    }
  }, 60_000);
});
