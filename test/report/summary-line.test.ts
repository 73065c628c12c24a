// The summary line's counts and wording, on reports made by hand: one line per case.
import { describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { summaryLine } from "../../src/report/summary-line.ts";

function reportWith(summary: Partial<DriftReport["summary"]>, strict = false): DriftReport {
  return {
    version: 8,
    tool: { name: "signalwire-video-logs", version: "0.0.0" },
    target: { kind: "base-url", baseUrl: "http://127.0.0.1:1" },
    startedAt: "2026-01-01T00:00:00.000Z",
    durationMs: 0,
    strict,
    checksRun: [],
    skipped: [],
    notes: [],
    summary: { requests: 6, checked: 6, passed: 5, breaking: 0, additive: 0, errors: 0, ...summary },
    findings: [],
    exchanges: [],
    plan: [],
    coverage: { percent: 100, declared: 0, seen: 0, operations: {} },
  };
}

describe("the summary line", () => {
  it.each([
    [{ breaking: 1, additive: 1 }, "DRIFT: 1 breaking, 1 additive finding;"],
    [{ breaking: 1, additive: 0 }, "DRIFT: 1 breaking, 0 additive findings;"],
    [{ breaking: 0, additive: 1 }, "OK: 0 breaking, 1 additive finding;"],
    [{ breaking: 2, additive: 3 }, "DRIFT: 2 breaking, 3 additive findings;"],
    [{ breaking: 0, additive: 0, passed: 6 }, "OK: 0 breaking, 0 additive findings;"],
    [{ breaking: 0, additive: 0, known: 2 }, "OK: 0 breaking, 0 additive findings, 2 known;"],
  ])("puts the noun in agreement with the count next to it: %o", (summary, start) => {
    expect(summaryLine(reportWith(summary)).startsWith(`${start} `)).toBe(true);
  });

  it("counts requests, responses judged and those without drift, then the ones without response", () => {
    expect(summaryLine(reportWith({ breaking: 1, additive: 1 }))).toBe(
      "DRIFT: 1 breaking, 1 additive finding; 6 requests, 6 judged, 5 without drift (base-url http://127.0.0.1:1)",
    );
    expect(summaryLine(reportWith({ requests: 7, checked: 6, passed: 6, errors: 1 }))).toBe(
      "INCOMPLETE: 0 breaking, 0 additive findings; 7 requests, 6 judged, 6 without drift, 1 without response (base-url http://127.0.0.1:1)",
    );
  });

  it("calls additive drift DRIFT in strict mode only", () => {
    expect(summaryLine(reportWith({ additive: 1 }, true))).toMatch(/^DRIFT: 0 breaking, 1 additive finding; /);
  });

  it("counts a recording's entries, judged and not", () => {
    const report = {
      ...reportWith({ requests: 0, checked: 6, passed: 1, breaking: 1 }),
      target: { kind: "recording" as const, file: "drift.har" },
      recording: { entries: 10, judged: 6, skipped: 4, skippedMatched: 0, skippedEntries: [] },
    };
    expect(summaryLine(report)).toBe(
      "DRIFT: 1 breaking, 0 additive findings; 10 entries, 6 judged, 1 without drift, 4 not judged (recording drift.har)",
    );
  });
});
