// The check `coverage` in process, through both runners and the one report builder: the report's coverage of a
// recording and of a tour, the finding below a minimum (whole), its JUnit testcase, and the baseline keeping it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { applyBaseline } from "../../../src/check/baseline.ts";
import { runHarCheck } from "../../../src/check/har/run-har-check.ts";
import { runDriftCheck } from "../../../src/check/run-drift-check.ts";
import { WRONG_API_TOKEN } from "../../../src/check/wrong-credentials.ts";
import { createVideoLogsClient } from "../../../src/index.ts";
import { formatReport } from "../../../src/report/format-report.ts";
import { type DriftReport, reportFailed } from "../../../src/report/report-types.ts";
import { harRecording, writeHar } from "../../helpers/har-recording.ts";
import type { LocalServer } from "../../helpers/local-server.ts";
import { API_TOKEN, completedLog, deletedLog, PROJECT_ID } from "../../helpers/sample-bodies.ts";
import { startStandInSpace } from "../../helpers/stand-in-space.ts";

const addFormats = addFormatsModule.default.default;
const validateReport = (() => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(readFileSync(new URL("../../../schemas/drift-report.schema.json", import.meta.url), "utf8")),
  );
})();
const schemaErrors = (report: DriftReport) => {
  validateReport(JSON.parse(formatReport(report, "json")));
  return validateReport.errors ?? [];
};

const dir = mkdtempSync(join(tmpdir(), "video-logs-coverage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const API = "https://example.signalwire.com/api/video/logs";
const links = { self: `${API}?page_size=2`, first: `${API}?page_size=2` };
/**
 * A page of one completed log, and the same log by id: 12 of the 60 items the spec declares. Drifted, the page's log
 * has a field the spec does not declare (additive) and the one by id a charge as a string (breaking).
 */
const recording = (drifted = false) =>
  writeHar(
    dir,
    drifted ? "drifted.har" : "two.har",
    harRecording([
      { url: `${API}?page_size=2`, json: { links, data: [drifted ? { ...completedLog, extra: 1 } : completedLog] } },
      { url: `${API}/${completedLog.id}`, json: drifted ? { ...completedLog, charge: "0.01" } : completedLog },
    ]),
  );

const COVERAGE_FINDING = {
  fingerprint: "afd84592f80d7709",
  check: "coverage",
  operation: "*",
  status: null,
  pointer: "",
  keyword: "min-coverage",
  severity: "breaking",
  count: 1,
  requests: [],
  example: {
    message:
      "coverage 20% is below the minimum of 50%; not seen: list_logs status 400, list_logs status 401, list_logs status 403, list_logs status 422, list_logs status 500, list_logs parameter include_deleted, list_logs parameter created_before, list_logs parameter created_on, list_logs parameter created_after, list_logs parameter page_number and 38 more",
    expected: "at least 50% of the declared items seen",
    actual: "20% (12 of 60)",
    curl: "",
    requestId: null,
  },
};

describe("the coverage of a recording", () => {
  it("is in the report whatever the minimum, and validates against the report schema", async () => {
    const report = await runHarCheck({ file: recording() });
    expect(report.version).toBe(8);
    expect(report.coverage).toMatchObject({ percent: 20, declared: 60, seen: 12 });
    expect(report.coverage.minimum).toBeUndefined();
    expect(report.coverage.operations.get_log!.statuses).toEqual({
      declared: ["200", "400", "401", "403", "404", "422", "500"],
      seen: ["200"],
    });
    expect(report.coverage.operations.list_logs!.unions).toEqual({
      "#/components/schemas/VideoLog/anyOf": { declared: ["Log", "DiscardedLog"], seen: ["Log"] },
    });
    expect(report.checksRun).toContain("coverage");
    expect(report.plan.filter((planned) => planned.check === "coverage")).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(schemaErrors(report)).toEqual([]);
  });

  it("fails below --min-coverage with one whole-run finding after the other breaking ones, planned as one testcase", async () => {
    const report = await runHarCheck({ file: recording(true), minCoverage: 50 });
    expect(report.coverage.minimum).toBe(50);
    expect(report.findings.map((finding) => [finding.severity, finding.check])).toEqual([
      ["breaking", "response-schema"],
      ["breaking", "coverage"],
      ["additive", "response-schema"],
    ]);
    expect(report.findings[1]).toEqual(COVERAGE_FINDING);
    expect(report.summary).toMatchObject({ breaking: 2, additive: 1, checked: 2, passed: 0 });
    expect(reportFailed(report)).toBe(true);
    expect(report.plan.at(-1)).toEqual({ check: "coverage", operation: "*", exercised: true });
    expect(schemaErrors(report)).toEqual([]);
    const junit = formatReport(report, "junit");
    expect(junit).toContain('<testcase classname="video-logs.coverage" name="coverage *" time="0.000">');
    expect(junit).toContain(`<failure message="${COVERAGE_FINDING.example.message}" type="breaking">`);
  });

  it("passes at a minimum it reaches, and keeps its finding through a baseline", async () => {
    const passing = await runHarCheck({ file: recording(), minCoverage: 20 });
    expect(passing.findings).toEqual([]);
    expect(reportFailed(passing)).toBe(false);
    const failing = await runHarCheck({ file: recording(), minCoverage: 21 });
    expect(failing.findings.map((finding) => finding.check)).toEqual(["coverage"]);
    const baseline = { source: { kind: "ignore-file" as const }, entries: [{ check: "response-schema" }] };
    const baselined = applyBaseline(failing, baseline, { now: Date.parse(failing.startedAt) });
    expect(baselined.findings).toEqual(failing.findings);
    expect(reportFailed(baselined)).toBe(true);
  });

  it("is not judged when the check is not selected, and says so", async () => {
    const report = await runHarCheck({ file: recording(), minCoverage: 90, skipChecks: ["coverage"] });
    expect(report.findings).toEqual([]);
    expect(report.coverage.minimum).toBeUndefined();
    expect(report.notes).toContain("coverage: the minimum of 90% is not judged: the check is not selected");
    expect(report.coverage.seen).toBe(12);
  });

  it("refuses a minimum outside 0 to 100", async () => {
    await expect(runHarCheck({ file: recording(), minCoverage: 101 })).rejects.toThrow(
      "minCoverage must be from 0 to 100, got 101",
    );
  });

  it("sees the DiscardedLog branch of a recorded page that shows a deleted log", async () => {
    const file = writeHar(
      dir,
      "deleted.har",
      harRecording([{ url: `${API}?include_deleted=true`, json: { links, data: [completedLog, deletedLog] } }]),
    );
    const report = await runHarCheck({ file });
    expect(report.coverage.operations.list_logs!.unions).toEqual({
      "#/components/schemas/VideoLog/anyOf": { declared: ["Log", "DiscardedLog"], seen: ["Log", "DiscardedLog"] },
    });
    expect(report.coverage.operations.list_logs!.parameters.seen).toEqual(["include_deleted"]);
  });
});

describe("the coverage of a tour", () => {
  let space: LocalServer | undefined;
  afterEach(async () => {
    await space?.close();
    space = undefined;
  });

  const tour = async (options: Partial<Parameters<typeof runDriftCheck>[0]> = {}) => {
    space = await startStandInSpace({ deletedLogs: false });
    const client = (apiToken: string) =>
      createVideoLogsClient({ baseUrl: space!.url, projectId: PROJECT_ID, apiToken, retries: 0 });
    return runDriftCheck({
      client: client(API_TOKEN),
      wrongCredentialsClient: client(WRONG_API_TOKEN),
      target: { baseUrl: space.url, kind: "base-url" },
      now: () => Date.UTC(2026, 0, 11),
      ...options,
    });
  };

  it("shows what a Space without deleted logs never answers: the DiscardedLog branch, a null status, a 500", async () => {
    const report = await tour();
    const listed = report.coverage.operations.list_logs!;
    expect(listed.unions["#/components/schemas/VideoLog/anyOf"]).toEqual({
      declared: ["Log", "DiscardedLog"],
      seen: ["Log"],
    });
    expect(listed.enums["#/components/schemas/LogStatus"]).toEqual({
      declared: ["in-progress", "completed", null],
      seen: ["in-progress", "completed"],
    });
    expect(listed.statuses).toEqual({
      declared: ["200", "400", "401", "403", "422", "500"],
      seen: ["200", "401", "422"],
    });
    expect(report.findings).toEqual([]);
    expect(schemaErrors(report)).toEqual([]);
  });

  it("with the check coverage selected alone, sends every probe the full tour sends", async () => {
    const full = await tour();
    await space!.close();
    const alone = await tour({ checks: ["coverage"], minCoverage: 100 });
    expect(alone.exchanges.map((exchange) => exchange.name)).toEqual(full.exchanges.map((exchange) => exchange.name));
    expect(alone.coverage).toEqual({ ...full.coverage, minimum: 100 });
    expect(alone.findings.map((finding) => [finding.check, finding.operation])).toEqual([["coverage", "*"]]);
    expect(alone.plan).toEqual([{ check: "coverage", operation: "*", exercised: true }]);
  });
});
