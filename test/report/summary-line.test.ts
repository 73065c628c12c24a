// The summary line's counts and wording, on reports made by hand: one line per case.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.ts";
import type { DriftReport, ExchangeResult } from "../../src/report/report-types.ts";
import { summaryLine } from "../../src/report/summary-line.ts";

/** A finding of one response, breaking or additive, listed by a baseline or not. */
const finding = (kind: Finding["kind"], known = false): Finding => ({
  check: "response-schema",
  kind,
  pointer: "/data/0/x",
  keyword: kind === "additive" ? "additionalProperties" : "type",
  message: "m",
  expected: "e",
  actual: "a",
  ...(known ? { known: true as const } : {}),
});

/** A response (status 200 unless null: no response), passed when it has no finding and came back. */
function response(violations: Finding[] = [], status: number | null = 200): ExchangeResult {
  return {
    name: "r",
    kind: "page",
    operation: "list_logs",
    method: "GET",
    url: "http://127.0.0.1:1/api/video/logs",
    expectedStatus: [200],
    status,
    passed: status !== null && violations.length === 0,
    violations,
    requestId: null,
    durationMs: 0,
    curl: "curl",
    ...(status === null ? { error: "timed out" } : {}),
  };
}

/** A report of these responses, its summary's finding counts given, the rest counted from the responses. */
function reportWith(
  exchanges: ExchangeResult[],
  findings: Partial<DriftReport["summary"]> = {},
  strict = false,
): DriftReport {
  const judged = exchanges.filter((result) => result.status !== null);
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
    summary: {
      requests: exchanges.length,
      checked: judged.length,
      passed: judged.filter((result) => result.passed).length,
      breaking: 0,
      additive: 0,
      errors: exchanges.length - judged.length,
      ...findings,
    },
    findings: [],
    exchanges,
    plan: [],
    coverage: { percent: 100, declared: 0, seen: 0, operations: {} },
  };
}

const clean = (n: number) => Array.from({ length: n }, () => response());

describe("the summary line", () => {
  it.each([
    [{ breaking: 1, additive: 1 }, "DRIFT: 1 breaking, 1 additive finding;"],
    [{ breaking: 1, additive: 0 }, "DRIFT: 1 breaking, 0 additive findings;"],
    [{ breaking: 0, additive: 1 }, "OK (additive drift): 0 breaking, 1 additive finding;"],
    [{ breaking: 2, additive: 3 }, "DRIFT: 2 breaking, 3 additive findings;"],
    [{ breaking: 0, additive: 0 }, "OK: 0 breaking, 0 additive findings;"],
    [{ breaking: 0, additive: 0, known: 2 }, "OK: 0 breaking, 0 additive findings, 2 known;"],
  ])("puts the noun in agreement with the count next to it: %o", (summary, start) => {
    expect(summaryLine(reportWith(clean(6), summary)).startsWith(`${start} `)).toBe(true);
  });

  it("says OK without a qualifier only when nothing was found, and every response judged conforms", () => {
    expect(summaryLine(reportWith(clean(6)))).toBe(
      "OK: 0 breaking, 0 additive findings; 6 requests, 6 judged: 6 conform (base-url http://127.0.0.1:1)",
    );
  });

  it("says a passing run with additive drift is OK (additive drift), with the responses that show it", () => {
    const exchanges = [...clean(11), ...Array.from({ length: 16 }, () => response([finding("additive")]))];
    expect(summaryLine(reportWith(exchanges, { additive: 66 }))).toBe(
      "OK (additive drift): 0 breaking, 66 additive findings; 27 requests, 27 judged: 11 conform, 16 with additive drift only (base-url http://127.0.0.1:1)",
    );
  });

  it("counts each judged response once, under the worst finding it shows, so the parts add up to the judged count", () => {
    const exchanges = [
      ...clean(2),
      response([finding("additive"), finding("breaking")]),
      response([finding("breaking", true), finding("additive")]),
      response([finding("breaking", true)]),
      response([], null),
    ];
    expect(summaryLine(reportWith(exchanges, { breaking: 1, additive: 1, known: 1 }))).toBe(
      "DRIFT: 1 breaking, 1 additive finding, 1 known; 6 requests, 5 judged: 2 conform, 1 with breaking drift, 1 with additive drift only, 1 with known drift only; 1 without response (base-url http://127.0.0.1:1)",
    );
  });

  it("calls additive drift DRIFT in strict mode only", () => {
    const exchanges = [...clean(5), response([finding("additive")])];
    expect(summaryLine(reportWith(exchanges, { additive: 1 }, true))).toBe(
      "DRIFT: 0 breaking, 1 additive finding; 6 requests, 6 judged: 5 conform, 1 with additive drift only (base-url http://127.0.0.1:1)",
    );
  });

  it("counts a recording's entries, judged and not", () => {
    const exchanges = [...clean(1), ...Array.from({ length: 5 }, () => response([finding("breaking")]))];
    const report = {
      ...reportWith(exchanges, { requests: 0, breaking: 1 }),
      target: { kind: "recording" as const, file: "drift.har" },
      recording: { entries: 10, judged: 6, skipped: 4, skippedMatched: 0, skippedEntries: [] },
    };
    expect(summaryLine(report)).toBe(
      "DRIFT: 1 breaking, 0 additive findings; 10 entries, 6 judged: 1 conform, 5 with breaking drift; 4 not judged (recording drift.har)",
    );
  });

  it("counts the responses a proxy passed on, judged and not, and one entry or response in the singular", () => {
    const proxied = {
      ...reportWith([...clean(2)], { requests: 3 }),
      recording: { entries: 3, judged: 2, skipped: 1, skippedMatched: 0, skippedEntries: [] },
    };
    expect(summaryLine(proxied)).toBe(
      "OK: 0 breaking, 0 additive findings; 3 responses, 2 judged: 2 conform; 1 not judged (base-url http://127.0.0.1:1)",
    );
    const single = { entries: 1, judged: 1, skipped: 0, skippedMatched: 0, skippedEntries: [] };
    const one = { ...reportWith(clean(1), { requests: 1 }), recording: single };
    expect(summaryLine(one)).toBe(
      "OK: 0 breaking, 0 additive findings; 1 response, 1 judged: 1 conform; 0 not judged (base-url http://127.0.0.1:1)",
    );
    expect(summaryLine({ ...one, target: { kind: "recording" as const, file: "one.har" } })).toBe(
      "OK: 0 breaking, 0 additive findings; 1 entry, 1 judged: 1 conform; 0 not judged (recording one.har)",
    );
  });
});
