// The baseline in-process: what an entry hides (every field it names, `*` for one segment, a concrete pointer as the
// finding it normalises to), when it expires (an injected clock), which entries are stale, how an earlier report is
// read, every refusal with its whole message, and the ignore file --write-baseline writes read back as a baseline.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyBaseline,
  type Baseline,
  dateAfter,
  endOfDay,
  formatIgnoreFile,
  ignoreFileOf,
  MAX_BASELINE_NOTES,
  matchBaseline,
} from "../../src/check/baseline.ts";
import {
  BaselineFileError,
  MAX_BASELINE_BYTES,
  parseBaseline,
  readBaselineFile,
} from "../../src/check/baseline-file.ts";
import { pointerMatches } from "../../src/check/baseline-match.ts";
import { ENTRY_KEYS, ignoreFileProblems, SCHEMA_CHECK_NAMES } from "../../src/check/baseline-schema.ts";
import { ReportBuilder } from "../../src/check/report-builder.ts";
import type { BaselineEntry } from "../../src/findings/baseline-entry.ts";
import { CHECK_NAMES, type CheckName } from "../../src/findings/checks.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { fingerprintOf, patternPointer } from "../../src/findings/fingerprint.ts";
import type { OperationId } from "../../src/operations/operation-table.ts";
import type { DriftReport, ExchangeResult } from "../../src/report/report-types.ts";
import { REPORT_VERSION } from "../../src/report/report-types.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-baseline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STARTED = Date.parse("2026-01-10T12:00:00.000Z");

type Seen = Pick<Finding, "check" | "pointer"> & Partial<Finding>;

/** One request's result with these violations (breaking, keyword `type` unless given). */
function exchange(operation: string, status: number | null, violations: Seen[]): ExchangeResult {
  return {
    name: `${operation} ${status}`,
    kind: "sampled-item",
    // Any name: nothing in the baseline knows the spec's operations.
    operation: operation as OperationId,
    method: "GET",
    url: "http://127.0.0.1:9/api/video/logs",
    expectedStatus: [200],
    status,
    passed: violations.length === 0,
    violations: violations.map((v) => ({
      kind: "breaking",
      keyword: "type",
      message: "m",
      expected: "e",
      actual: "a",
      ...v,
    })),
    requestId: null,
    durationMs: 0,
    curl: "curl",
  };
}

/** The report the one report builder makes of these results, started at STARTED. */
function reportOf(exchanges: ExchangeResult[]): DriftReport {
  const builder = new ReportBuilder({
    target: { kind: "base-url", baseUrl: "http://127.0.0.1:9" },
    strict: false,
    active: new Set(CHECK_NAMES),
    skipped: [],
    redact: (text) => text,
    now: () => STARTED,
  });
  return builder.build(
    exchanges.map((result) => builder.finish(result)),
    { requests: exchanges.length },
  );
}

/** Five findings: a list's charge at two indices, a log's charge and status, a 404 body, an undeclared status. */
const TODAY = reportOf([
  exchange("list_logs", 200, [
    { check: "response-schema", pointer: "/data/0/charge" },
    { check: "response-schema", pointer: "/data/3/charge" },
  ]),
  exchange("get_log", 200, [
    { check: "response-schema", pointer: "/charge" },
    { check: "response-schema", pointer: "/status", keyword: "enum" },
  ]),
  exchange("get_log", 404, [{ check: "response-schema", pointer: "/error", keyword: "enum" }]),
  exchange("get_log", 203, [{ check: "status-code", pointer: "", keyword: "status" }]),
]);

const ignoring = (...entries: BaselineEntry[]): Baseline => ({ source: { kind: "ignore-file" }, entries });

/** The findings a baseline hides, as `operation status pointer`. */
function hidden(baseline: Baseline, now = STARTED, report = TODAY): string[] {
  const applied = applyBaseline(report, baseline, { now });
  return applied.findings.filter((f) => f.known).map((f) => `${f.operation} ${f.status} ${f.pointer}`);
}

describe("an ignore entry", () => {
  it("hides the findings of the check it names, and no other's", () => {
    expect(hidden(ignoring({ check: "status-code" }))).toEqual(["get_log 203 "]);
  });

  it("hides only what every field it holds matches: operation, status, pointer and keyword", () => {
    expect(hidden(ignoring({ check: "response-schema", operation: "get_log" }))).toEqual([
      "get_log 200 /charge",
      "get_log 200 /status",
      "get_log 404 /error",
    ]);
    expect(hidden(ignoring({ check: "response-schema", status: 404 }))).toEqual(["get_log 404 /error"]);
    expect(hidden(ignoring({ check: "response-schema", keyword: "enum", operation: "get_log", status: 200 }))).toEqual([
      "get_log 200 /status",
    ]);
    expect(hidden(ignoring({ check: "response-schema", pointer: "/charge" }))).toEqual(["get_log 200 /charge"]);
    expect(hidden(ignoring({ check: "response-schema", pointer: "/charge", keyword: "enum" }))).toEqual([]);
    expect(hidden(ignoring({ check: "status-code", pointer: "" }))).toEqual(["get_log 203 "]);
  });

  it("takes `*` for any one segment, an array index or a name, and for nothing deeper or shallower", () => {
    expect(hidden(ignoring({ check: "response-schema", pointer: "/data/*/charge" }))).toEqual([
      "list_logs 200 /data/*/charge",
    ]);
    expect(hidden(ignoring({ check: "response-schema", pointer: "/*" }))).toEqual([
      "get_log 200 /charge",
      "get_log 200 /status",
      "get_log 404 /error",
    ]);
    expect(hidden(ignoring({ check: "response-schema", pointer: "/*/*/*" }))).toEqual(["list_logs 200 /data/*/charge"]);
    expect(hidden(ignoring({ check: "response-schema", pointer: "/*/*" }))).toEqual([]);
    expect(hidden(ignoring({ check: "response-schema", pointer: "/data/*" }))).toEqual([]);
  });

  it("with a concrete pointer, hides the finding that pointer normalises to, whatever index it saw", () => {
    expect(hidden(ignoring({ check: "response-schema", pointer: "/data/17/charge" }))).toEqual([
      "list_logs 200 /data/*/charge",
    ]);
    expect(hidden(ignoring({ check: "response-schema", pointer: "/data/x/charge" }))).toEqual([]);
  });

  it("with a fingerprint, hides that finding only, and nothing when its other fields disagree", () => {
    const [first] = TODAY.findings;
    expect(hidden(ignoring({ check: first!.check, fingerprint: first!.fingerprint }))).toEqual([
      `${first!.operation} ${first!.status} ${first!.pointer}`,
    ]);
    expect(hidden(ignoring({ check: first!.check, fingerprint: first!.fingerprint, status: 500 }))).toEqual([]);
    expect(hidden(ignoring({ check: "status-code", fingerprint: first!.fingerprint }))).toEqual([]);
  });

  it("marks every occurrence of a finding it hides, and the summary counts findings", () => {
    const applied = applyBaseline(TODAY, ignoring({ check: "response-schema", pointer: "/data/*/charge" }), {
      now: STARTED,
    });
    expect(applied.exchanges[0]!.violations.map((v) => v.known)).toEqual([true, true]);
    expect(applied.exchanges[1]!.violations.map((v) => v.known)).toEqual([undefined, undefined]);
    expect(applied.summary).toMatchObject({ breaking: 4, additive: 0, known: 1 });
    expect(TODAY.summary).toMatchObject({ breaking: 5, additive: 0 });
  });

  it("that matches a finding with a null status names null; one that leaves status out matches any", () => {
    const report = reportOf([exchange("get_log", null, [{ check: "not-a-server-error", pointer: "" }])]);
    expect(hidden(ignoring({ check: "not-a-server-error", status: null }), STARTED, report)).toEqual(["get_log null "]);
    expect(hidden(ignoring({ check: "not-a-server-error", status: 200 }), STARTED, report)).toEqual([]);
    expect(hidden(ignoring({ check: "not-a-server-error" }), STARTED, report)).toEqual(["get_log null "]);
  });
});

describe("matching", () => {
  const PATTERNS = ["/data/*/charge", "/*", "/*/*/*", "/*/*", "/data/*", "/data/12/charge", "/*/*/charge", ""];

  it.each(PATTERNS)("of %j hides the same findings whether its shape is rare or common in the baseline", (pointer) => {
    const entry = { check: "response-schema", pointer };
    // Forty more entries of the same shape, each naming a pointer no finding has: the shape is now common.
    const segments = pointer.split("/").slice(1);
    const padding = Array.from({ length: 40 }, (_, i) => ({
      check: "response-schema",
      pointer: segments.map((segment) => `/${segment === "*" || /^\d+$/.test(segment) ? "*" : `gone_${i}`}`).join(""),
    }));
    expect(hidden(ignoring(entry, ...padding))).toEqual(hidden(ignoring(entry)));
  });

  it("tells patterns apart by the places of their stars and by their length, in any order", () => {
    const report = reportOf([exchange("get_log", 200, [{ check: "response-schema", pointer: "/a/x" }])]);
    const seen = (...pointers: string[]) =>
      matchBaseline(
        report.findings,
        ignoring(...pointers.map((pointer) => ({ check: "response-schema", pointer }))),
        STARTED,
      );
    for (const pointers of [
      ["/*/b", "/a/*"],
      ["/a/*", "/*/b"],
      ["/*/q/r", "/a/*"],
      ["/*/q/r", "/*/x"],
      ["/a/*/r", "/*/x"],
      ["/*/x", "/a/*/r"],
    ]) {
      const match = seen(...pointers);
      expect(match.known.size, pointers.join(" ")).toBe(1);
      expect(
        match.stale.map((listed) => listed.entry.pointer),
        pointers.join(" "),
      ).toEqual(pointers.filter((pointer) => !pointerMatches(pointer, "/a/x")));
    }
  });

  it("marks every entry of the same pattern matched, not only the last", () => {
    const report = reportOf([exchange("get_log", 200, [{ check: "response-schema", pointer: "/a/charge" }])]);
    const entry = { check: "response-schema", pointer: "/*/charge" } as const;
    const padding = Array.from({ length: 3 }, (_, i) => ({ check: "response-schema", pointer: `/gone_${i}/*` }));
    for (const entries of [
      [entry, { ...entry }],
      [entry, { ...entry }, ...padding],
    ]) {
      const match = matchBaseline(report.findings, ignoring(...entries), STARTED);
      expect(match.stale.map((listed) => listed.index)).toEqual(entries.flatMap((_, i) => (i < 2 ? [] : [i])));
      expect(match.known.size).toBe(1);
    }
  });

  it("hides what comparing every entry with every finding hides, and lists the same stale entries (property)", () => {
    const segment = fc.constantFrom("data", "charge", "0", "7", "*", "status");
    const pointer = fc.array(segment, { maxLength: 3 }).map((segments) => segments.map((s) => `/${s}`).join(""));
    const finding = fc.record({
      operation: fc.constantFrom("list_logs", "get_log"),
      status: fc.constantFrom(200, 404, null),
      check: fc.constantFrom<CheckName>("response-schema", "status-code"),
      pointer,
      keyword: fc.constantFrom("type", "enum"),
    });
    const entry = (fingerprints: string[]) =>
      fc.record(
        {
          check: fc.constantFrom("response-schema", "status-code"),
          operation: fc.constantFrom("list_logs", "get_log"),
          status: fc.constantFrom(200, 404, null),
          pointer,
          keyword: fc.constantFrom("type", "enum"),
          fingerprint: fc.constantFrom(...fingerprints, "0123456789abcdef"),
          expires: fc.constantFrom("2026-01-09", "2026-01-10"),
        },
        { requiredKeys: ["check"] },
      );
    const scenario = fc
      .array(finding, { minLength: 1, maxLength: 8 })
      .map((seen) => reportOf(seen.map(({ operation, status, ...v }) => exchange(operation, status, [v]))))
      .chain((report) =>
        fc.tuple(fc.constant(report), fc.array(entry(report.findings.map((f) => f.fingerprint)), { maxLength: 80 })),
      );
    fc.assert(
      fc.property(scenario, ([report, entries]) => {
        const live = entries.map((e) => e.expires !== "2026-01-09");
        const matches = (e: BaselineEntry, f: DriftReport["findings"][number]) =>
          e.check === f.check &&
          (e.operation === undefined || e.operation === f.operation) &&
          (e.status === undefined || e.status === f.status) &&
          (e.keyword === undefined || e.keyword === f.keyword) &&
          (e.fingerprint === undefined || e.fingerprint === f.fingerprint) &&
          (e.pointer === undefined || pointerMatches(patternPointer(e.pointer), f.pointer));
        const match = matchBaseline(report.findings, ignoring(...entries), Date.parse("2026-01-10T12:00:00.000Z"));
        expect([...match.known].sort()).toEqual(
          report.findings
            .filter((f) => entries.some((e, i) => live[i] && matches(e, f)))
            .map((f) => f.fingerprint)
            .sort(),
        );
        expect(match.stale.map((s) => s.index)).toEqual(
          entries.flatMap((e, i) => (live[i] && !report.findings.some((f) => matches(e, f)) ? [i] : [])),
        );
        expect(match.expired.map((s) => s.index)).toEqual(entries.flatMap((_, i) => (live[i] ? [] : [i])));
      }),
      { numRuns: 300 },
    );
  });
});

describe("expires", () => {
  const entry = { check: "status-code", expires: "2026-01-10", reason: "ticket 12" } as const;

  it("lasts to the end of its day in UTC: hidden the day before and all that day, expired from the next", () => {
    expect(endOfDay("2026-01-10")).toBe(Date.parse("2026-01-11T00:00:00.000Z"));
    expect(hidden(ignoring(entry), Date.parse("2026-01-09T00:00:00.000Z"))).toEqual(["get_log 203 "]);
    expect(hidden(ignoring(entry), Date.parse("2026-01-10T23:59:59.999Z"))).toEqual(["get_log 203 "]);
    expect(hidden(ignoring(entry), Date.parse("2026-01-11T00:00:00.000Z"))).toEqual([]);
  });

  it("once past, hides nothing and is listed as expired, not as stale, in the report and its notes", () => {
    const applied = applyBaseline(TODAY, ignoring({ check: "content-type" }, entry), {
      now: Date.parse("2026-02-01T00:00:00.000Z"),
    });
    expect(applied.baseline).toEqual({
      stale: [{ index: 0, entry: { check: "content-type" } }],
      expired: [{ index: 1, entry }],
    });
    expect(applied.notes).toEqual([
      'baseline: entry 1 expired on 2026-01-10 and hides nothing: {"check":"status-code","expires":"2026-01-10","reason":"ticket 12"}',
      'baseline: entry 0 matched no finding (stale): {"check":"content-type"}',
    ]);
    expect(applied.summary.known).toBe(0);
  });
});

describe("stale entries", () => {
  it("are the entries that matched no finding, each with its index and the entry itself", () => {
    const entries = [
      { check: "response-schema", pointer: "/charge" },
      { check: "response-schema", pointer: "/room_name" },
      { check: "response-schema", pointer: "/charge" },
      { check: "authentication" },
    ];
    const match = matchBaseline(TODAY.findings, ignoring(...entries), STARTED);
    expect(match.stale).toEqual([
      { index: 1, entry: entries[1] },
      { index: 3, entry: entries[3] },
    ]);
    expect(match.expired).toEqual([]);
    expect(match.known.size).toBe(1);
  });

  it("are listed as notes up to MAX_BASELINE_NOTES, then counted; the JSON report lists them all", () => {
    const entries = Array.from({ length: MAX_BASELINE_NOTES + 3 }, (_, i) => ({
      check: "authentication",
      keyword: `k${i}`,
    }));
    const applied = applyBaseline(TODAY, ignoring(...entries), { now: STARTED });
    expect(applied.baseline?.stale).toHaveLength(MAX_BASELINE_NOTES + 3);
    expect(applied.notes).toHaveLength(MAX_BASELINE_NOTES + 1);
    expect(applied.notes.at(-1)).toBe("baseline: 3 more stale entries, listed in the JSON report (baseline.stale)");
  });

  it("are listed in full as notes when there are MAX_BASELINE_NOTES, with no count", () => {
    const entries = Array.from({ length: MAX_BASELINE_NOTES }, (_, i) => ({
      check: "authentication",
      keyword: `k${i}`,
    }));
    const applied = applyBaseline(TODAY, ignoring(...entries), { now: STARTED });
    expect(applied.notes).toEqual(
      entries.map((entry, i) => `baseline: entry ${i} matched no finding (stale): ${JSON.stringify(entry)}`),
    );
  });

  it("of more than MAX_BASELINE_NOTES expired, list the first as notes and count the rest, before the stale ones", () => {
    const expired = Array.from({ length: MAX_BASELINE_NOTES + 2 }, (_, i) => ({
      check: "authentication" as const,
      keyword: `k${i}`,
      expires: "2026-01-09",
    }));
    const applied = applyBaseline(TODAY, ignoring(...expired, { check: "coverage" }), { now: STARTED });
    expect(applied.baseline).toEqual({
      stale: [{ index: MAX_BASELINE_NOTES + 2, entry: { check: "coverage" } }],
      expired: expired.map((entry, index) => ({ index, entry })),
    });
    expect(applied.notes).toEqual([
      ...expired
        .slice(0, MAX_BASELINE_NOTES)
        .map((entry, i) => `baseline: entry ${i} expired on 2026-01-09 and hides nothing: ${JSON.stringify(entry)}`),
      "baseline: 2 more expired entries, listed in the JSON report (baseline.expired)",
      `baseline: entry ${MAX_BASELINE_NOTES + 2} matched no finding (stale): {"check":"coverage"}`,
    ]);
  });

  it("are shown in a note as their JSON cut to 200 characters", () => {
    const entry = { check: "coverage", reason: "r".repeat(300) };
    const applied = applyBaseline(TODAY, ignoring(entry), { now: STARTED });
    expect(applied.notes).toEqual([
      `baseline: entry 0 matched no finding (stale): ${JSON.stringify(entry).slice(0, 200)}`,
    ]);
    expect(applied.notes[0]!.endsWith("r".repeat(200 - '{"check":"coverage","reason":"'.length))).toBe(true);
  });

  it("of an earlier report are its findings not seen again", () => {
    const earlier = reportOf([exchange("get_log", 500, [{ check: "not-a-server-error", pointer: "" }])]);
    const applied = applyBaseline(TODAY, parseBaseline(JSON.parse(JSON.stringify(earlier)), "earlier.json"), {
      now: STARTED,
    });
    const [gone] = earlier.findings;
    expect(applied.notes).toEqual([
      `baseline: finding 0 of the earlier report was not seen (stale): {"check":"not-a-server-error","operation":"get_log","status":500,"pointer":"","keyword":"type","fingerprint":"${gone!.fingerprint}"}`,
    ]);
  });
});

describe("pointerMatches", () => {
  it.each([
    ["/a/*", "/a/b", true],
    ["/a/*", "/a/*", true],
    ["/*", "", false],
    ["", "", true],
    ["/", "/", true],
    ["/", "", false],
    ["/a", "/a/b", false],
    ["/a/b", "/a", false],
    ["/a/c", "/a/b", false],
  ])("%j against %j: %s", (pattern, pointer, matches) => {
    expect(pointerMatches(pattern, pointer)).toBe(matches);
  });
});

describe("an earlier report as a baseline", () => {
  it("of version 6 or later names its findings by fingerprint, so a new finding of the same operation stays new", () => {
    const earlier = reportOf([exchange("get_log", 200, [{ check: "response-schema", pointer: "/charge" }])]);
    const baseline = parseBaseline(JSON.parse(JSON.stringify(earlier)), "earlier.json");
    expect(baseline.source).toEqual({ kind: "report", version: REPORT_VERSION });
    expect(baseline.entries.map((e) => e.fingerprint)).toEqual(earlier.findings.map((f) => f.fingerprint));
    expect(hidden(baseline)).toEqual(["get_log 200 /charge"]);
  });

  it("of version 5 gets each violation's fingerprint recomputed, once per drift, and hides only those", () => {
    const v5 = {
      version: 5,
      checks: [
        {
          operation: "list_logs",
          status: 200,
          violations: [
            { check: "response-schema", pointer: "/data/2/charge", keyword: "type", kind: "breaking" },
            { check: "response-schema", pointer: "/data/9/charge", keyword: "type", kind: "breaking" },
          ],
        },
        { operation: "get_log", status: 200, violations: [] },
      ],
    };
    const baseline = parseBaseline(v5, "v5.json");
    const fields = { check: "response-schema", operation: "list_logs", status: 200, pointer: "/data/*/charge" };
    expect(baseline).toEqual({
      source: { kind: "report", version: 5 },
      entries: [{ ...fields, keyword: "type", fingerprint: fingerprintOf({ ...fields, keyword: "type" }) }],
    });
    expect(hidden(baseline)).toEqual(["list_logs 200 /data/*/charge"]);
  });

  it("of version 5 whose violation names no check is refused, not read as hiding the whole operation", () => {
    const v5 = { version: 5, checks: [{ operation: "get_log", violations: [{ kind: "breaking" }] }] };
    expect(refusal(() => parseBaseline(v5, "r.json"))).toEqual([
      'The baseline r.json is not a readable version 5 report: at /checks/0/violations/0, "check" is missing',
    ]);
  });

  it.each([
    [{ version: 5, checks: {} }, 'at /, "checks" must be an array'],
    [{ version: 5 }, 'at /, "checks" is missing'],
    [{ version: 4, checks: [3] }, "at /checks/0, must be an object"],
    [{ version: 5, checks: [{ status: 200, violations: [] }] }, 'at /checks/0, "operation" is missing'],
    [{ version: 5, checks: [{ operation: "get_log", violations: [] }] }, 'at /checks/0, "status" is missing'],
    [
      { version: 5, checks: [{ operation: "get_log", status: "200", violations: [] }] },
      'at /checks/0, "status" must be a whole number or null',
    ],
    [
      {
        version: 5,
        checks: [{ operation: "get_log", status: 200, violations: [{ check: "status-code", keyword: "x" }] }],
      },
      'at /checks/0/violations/0, "pointer" is missing',
    ],
    [
      {
        version: 3,
        checks: [{ operation: "get_log", status: 200, violations: [{ check: "status-code", pointer: "" }] }],
      },
      'at /checks/0/violations/0, "keyword" is missing',
    ],
    [{ version: 6, findings: [{}] }, 'at /findings/0, "fingerprint" is missing'],
    [{ version: 6, exchanges: [] }, 'at /, "findings" is missing'],
    [{ version: 6, findings: [{ fingerprint: "abc" }] }, 'at /findings/0, "fingerprint" must be 16 hex digits'],
    [
      { version: 6, findings: [{ fingerprint: "0123456789abcdef", check: "status-code", operation: 7 }] },
      'at /findings/0, "operation" must be a string',
    ],
  ])("refuses %j naming what is wrong", (report, problem) => {
    expect(refusal(() => parseBaseline(report, "r.json"))).toEqual([
      `The baseline r.json is not a readable version ${report.version} report: ${problem}`,
    ]);
  });

  it("of another version is refused", () => {
    expect(refusal(() => parseBaseline({ version: 2, checks: [] }, "r.json"))).toEqual([
      "The baseline r.json is a report of version 2, which cannot be a baseline: use a JSON report of version 3 to 8 (check --report json=FILE) or an ignore file",
    ]);
  });
});

/** The lines of the BaselineFileError `read` throws. */
function refusal(read: () => unknown): readonly string[] {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(BaselineFileError);
    return (error as BaselineFileError).lines;
  }
  throw new Error("not refused");
}

async function fileRefusal(content: string | Buffer, name = `f-${Math.random().toString(36).slice(2)}.json`) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const error = await readBaselineFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BaselineFileError);
  return (error as BaselineFileError).lines.map((line) => line.replace(file, "FILE"));
}

const HEADER = "The baseline FILE is not a valid ignore file (schemas/baseline.schema.json):";
const KEYS = "an entry may hold check, operation, status, pointer, keyword, fingerprint, reason and expires";

describe("an ignore file", () => {
  it.each([
    [
      "a misspelled key",
      { ignore: [{ check: "response-schema", pointr: "/charge" }] },
      [`  entry 0 (/ignore/0) has an unknown key "pointr" (did you mean "pointer"?): ${KEYS}`],
    ],
    [
      "an unknown key",
      { ignore: [{ check: "response-schema", severity: "x" }] },
      [`  entry 0 (/ignore/0) has an unknown key "severity": ${KEYS}`],
    ],
    [
      "an empty entry",
      { ignore: [{ check: "status-code" }, {}] },
      [
        '  entry 1 (/ignore/1) is empty and would hide every finding: name at least its check, e.g. {"check": "response-schema", "pointer": "/data/*/charge"}',
      ],
    ],
    [
      "an entry without check",
      { ignore: [{ operation: "get_log", pointer: "/charge" }] },
      [
        '  entry 0 (/ignore/0) names no check, so it would hide the findings of every check: add the check that found the drift, e.g. "check": "response-schema" (video-logs check --list-checks)',
      ],
    ],
    [
      "an entry that is not an object",
      { ignore: ["status-code"] },
      ['  entry 0 (/ignore/0) must be an object, e.g. {"check": "response-schema", "pointer": "/data/*/charge"}'],
    ],
    [
      "a check that does not exist",
      { ignore: [{ check: "response-schemas" }] },
      [
        '  entry 0 (/ignore/0), "check": "response-schemas" is not a check; the checks are response-schema, status-code, content-type, not-a-server-error, parameters-honoured, pagination-integrity, cross-endpoint-consistency, negative-data, authentication and coverage',
      ],
    ],
    [
      "a date that does not exist",
      { ignore: [{ check: "status-code", expires: "2026-02-30" }] },
      [
        '  entry 0 (/ignore/0), "expires": "2026-02-30" is not a date that exists, written YYYY-MM-DD (the entry lasts to the end of that day, UTC)',
      ],
    ],
    [
      "a date of another form",
      { ignore: [{ check: "status-code", expires: "2026-3-1" }] },
      [
        '  entry 0 (/ignore/0), "expires": "2026-3-1" is not a date that exists, written YYYY-MM-DD (the entry lasts to the end of that day, UTC)',
      ],
    ],
    [
      "a status that is not one",
      {
        ignore: [
          { check: "status-code", status: "404" },
          { check: "status-code", status: 99 },
        ],
      },
      [
        '  entry 0 (/ignore/0), "status": "404" is not a status: a whole number from 100 to 599, or null for no response',
        '  entry 1 (/ignore/1), "status": 99 is not a status: a whole number from 100 to 599, or null for no response',
      ],
    ],
    [
      "a pointer that is not one",
      { ignore: [{ check: "status-code", pointer: "data/0" }] },
      [
        '  entry 0 (/ignore/0), "pointer": "data/0" is not a JSON pointer (empty, or starting with "/", e.g. "/data/*/charge")',
      ],
    ],
    [
      "a fingerprint that is not one",
      { ignore: [{ check: "status-code", fingerprint: "ABC" }] },
      [
        '  entry 0 (/ignore/0), "fingerprint": "ABC" is not a fingerprint (16 hex digits, as findings[].fingerprint in a JSON report)',
      ],
    ],
    [
      "a reason that is not text",
      { ignore: [{ check: "status-code", reason: 3 }] },
      ['  entry 0 (/ignore/0), "reason": 3 must be string'],
    ],
    [
      "a key beside ignore",
      { ignore: [], comment: "x" },
      ['  the file: unknown key "comment": an ignore file holds "ignore" (and "$schema")'],
    ],
    [
      "an ignore that is not a list",
      { ignore: { check: "status-code" } },
      ['  the file: "ignore" must be an array of entries'],
    ],
  ])("with %s is refused, naming the entry and the key", async (_what, file, problems) => {
    expect(await fileRefusal(JSON.stringify(file))).toEqual([HEADER, ...problems]);
  });

  it("lists an entry's unknown key before its missing check, and at most ten problems", async () => {
    const ignore = [{ pointr: "/charge" }, ...Array.from({ length: 12 }, () => ({ check: "x" }))];
    const lines = await fileRefusal(JSON.stringify({ ignore }));
    expect(lines.slice(1, 3)).toEqual([
      `  entry 0 (/ignore/0) has an unknown key "pointr" (did you mean "pointer"?): ${KEYS}`,
      '  entry 0 (/ignore/0) names no check, so it would hide the findings of every check: add the check that found the drift, e.g. "check": "response-schema" (video-logs check --list-checks)',
    ]);
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toBe("  … and 4 more");
  });

  it("holds every field of an entry, and may name its schema", async () => {
    const entry = {
      check: "response-schema",
      operation: "get_log",
      status: null,
      pointer: "/data/*/charge",
      keyword: "type",
      fingerprint: "0123456789abcdef",
      reason: "SW-1234",
      expires: "2028-02-29",
    };
    const file = join(dir, "full.json");
    writeFileSync(file, JSON.stringify({ $schema: "../schemas/baseline.schema.json", ignore: [entry] }));
    expect(await readBaselineFile(file)).toEqual({ source: { kind: "ignore-file" }, entries: [entry] });
    expect(ENTRY_KEYS).toEqual(Object.keys(entry));
  });

  it("names the same checks as the checks table", () => {
    expect(SCHEMA_CHECK_NAMES).toEqual(CHECK_NAMES);
  });
});

describe("readBaselineFile", () => {
  it("reads a file that starts with a UTF-8 byte order mark", async () => {
    const file = join(dir, "bom.json");
    writeFileSync(file, `\uFEFF${JSON.stringify({ ignore: [{ check: "status-code" }] })}`);
    expect((await readBaselineFile(file)).entries).toEqual([{ check: "status-code" }]);
  });

  it("refuses a file larger than the bound before reading it, and a stream past it as it reads", async () => {
    const file = join(dir, "huge.json");
    writeFileSync(file, "");
    truncateSync(file, 300 * 1024 * 1024);
    const error = await readBaselineFile(file).catch((e: unknown) => e);
    expect((error as BaselineFileError).lines).toEqual([
      `The baseline ${file} is 300 MiB, more than the 256 MiB a baseline may have`,
    ]);
    expect(MAX_BASELINE_BYTES).toBe(256 * 1024 * 1024);
    const endless = await readBaselineFile("/dev/zero", 2 * 1024 * 1024).catch((e: unknown) => e);
    expect((endless as BaselineFileError).lines).toEqual([
      "The baseline /dev/zero is more than the 2 MiB a baseline may have",
    ]);
  });

  it.each([
    ["bytes that are not UTF-8", Buffer.from([0x7b, 0xff, 0x7d]), ["The baseline FILE is not UTF-8 text"]],
    [
      "text that is not JSON",
      '{"ignore": [\n  {"check": secret}]}',
      ["The baseline FILE is not JSON: unexpected character at line 2, column 13"],
    ],
    [
      "JSON cut short",
      '{"ignore": [',
      ["The baseline FILE is not JSON: the file ends before the JSON does at line 1, column 13"],
    ],
    [
      "JSON of neither form",
      "[]",
      [
        "The baseline FILE is neither an ignore file nor an earlier JSON report (check --report json=FILE)",
        'An ignore file: {"ignore": [{"check": "response-schema", "operation": "get_log", "pointer": "/data/*/charge"}]}',
      ],
    ],
  ])("refuses %s", async (_what, content, lines) => {
    expect(await fileRefusal(content)).toEqual(lines);
  });

  it("refuses a file it cannot read, by its error code", async () => {
    const error = await readBaselineFile(join(dir, "missing.json")).catch((e: unknown) => e);
    expect((error as BaselineFileError).lines).toEqual([
      `Cannot read the baseline ${join(dir, "missing.json")}: ENOENT`,
    ]);
  });
});

describe("the ignore file --write-baseline writes", () => {
  it("holds one entry per finding, with its identity and an expiry 90 days after the run's start (UTC)", () => {
    const file = ignoreFileOf(TODAY);
    expect(file.ignore).toHaveLength(TODAY.findings.length);
    expect(file.ignore[0]).toEqual({
      check: "response-schema",
      operation: "get_log",
      status: 200,
      pointer: "/charge",
      keyword: "type",
      fingerprint: TODAY.findings.find((f) => f.pointer === "/charge")!.fingerprint,
      expires: "2026-04-10",
    });
    expect(dateAfter(Date.parse("2026-01-10T23:59:59.999Z"), 90)).toBe("2026-04-10");
    expect(ignoreFileProblems(JSON.parse(formatIgnoreFile(file)))).toEqual([]);
  });

  it("read back, hides every finding of the run, with none stale, until its day has passed", () => {
    const baseline = parseBaseline(JSON.parse(formatIgnoreFile(ignoreFileOf(TODAY))), "known.json");
    const applied = applyBaseline(TODAY, baseline, { now: STARTED });
    expect(applied.findings.every((f) => f.known)).toBe(true);
    expect(applied.summary).toMatchObject({ breaking: 0, known: 5 });
    expect(applied.baseline).toEqual({ stale: [], expired: [] });
    expect(applied.notes).toEqual([]);
    expect(hidden(baseline, Date.parse("2026-04-10T23:59:59.999Z"))).toHaveLength(5);
    expect(hidden(baseline, Date.parse("2026-04-11T00:00:00.000Z"))).toEqual([]);
  });

  it("hides exactly the findings of the run it was written from, in any later run (property)", () => {
    const segment = fc.oneof(
      fc.nat({ max: 30 }).map(String),
      fc.constantFrom("data", "charge", "charge_details", "*", "~0", "~1", "", "a b"),
    );
    const seen = fc.record({
      operation: fc.constantFrom("list_logs", "get_log", "get_room"),
      status: fc.constantFrom(200, 203, 404, 500, null),
      check: fc.constantFrom(...(CHECK_NAMES as readonly CheckName[])),
      pointer: fc.array(segment, { maxLength: 5 }).map((segments) => segments.map((s) => `/${s}`).join("")),
      keyword: fc.constantFrom("type", "enum", "required", "additionalProperties"),
    });
    const run = (
      occurrences: { operation: string; status: number | null; check: CheckName; pointer: string; keyword: string }[],
    ) => reportOf(occurrences.map(({ operation, status, ...v }) => exchange(operation, status, [v])));
    fc.assert(
      fc.property(
        fc.array(seen, { maxLength: 25 }),
        fc.array(seen, { maxLength: 25 }),
        fc.array(fc.boolean(), { maxLength: 25 }),
        (pool, fresh, kept) => {
          const today = run(pool);
          const later = run([...pool.filter((_, i) => kept[i] ?? true), ...fresh]);
          const written = parseBaseline(JSON.parse(formatIgnoreFile(ignoreFileOf(today))), "known.json");
          const applied = applyBaseline(later, written, { now: STARTED });
          const todays = new Set(today.findings.map((f) => f.fingerprint));
          const laters = new Set(later.findings.map((f) => f.fingerprint));
          expect(applied.findings.map((f) => [f.fingerprint, f.known === true])).toEqual(
            later.findings.map((f) => [f.fingerprint, todays.has(f.fingerprint)]),
          );
          expect(applied.baseline!.stale.map((s) => s.entry.fingerprint)).toEqual(
            today.findings.map((f) => f.fingerprint).filter((fingerprint) => !laters.has(fingerprint)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
