// Grouping occurrences by fingerprint: each drift once, counted and listed once per response that showed it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECK_NAMES } from "../../src/findings/checks.ts";
import type { DriftFinding, Finding } from "../../src/findings/finding.ts";
import { MAX_LISTED_REQUESTS } from "../../src/findings/finding.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { FindingGroups, groupFindings, type JudgedExchange } from "../../src/findings/group-findings.ts";
import { seeded } from "../helpers/seed.ts";

const extra = (index: number): Finding => ({
  check: "response-schema",
  kind: "additive",
  keyword: "additionalProperties",
  pointer: `/data/${index}/currency`,
  message: 'unexpected property "currency" (not in the spec)',
  expected: "(absent)",
  actual: '"USD"',
});

const page = (n: number, items: number): JudgedExchange => ({
  operation: "list_logs",
  status: 200,
  requestId: `rq-${n}`,
  curl: `curl 'http://h/api/video/logs?page=${n}'`,
  violations: Array.from({ length: items }, (_, i) => extra(i)),
});

const fingerprint = fingerprintOf({
  check: "response-schema",
  operation: "list_logs",
  status: 200,
  pointer: "/data/*/currency",
  keyword: "additionalProperties",
});

describe("groupFindings", () => {
  it("counts and lists a response once, however many of its items show the drift", () => {
    expect(groupFindings([page(0, 3), page(1, 0), page(2, 2)])).toEqual([
      {
        fingerprint,
        check: "response-schema",
        operation: "list_logs",
        status: 200,
        pointer: "/data/*/currency",
        keyword: "additionalProperties",
        severity: "additive",
        count: 2,
        requests: [
          { requestId: "rq-0", exchange: 0 },
          { requestId: "rq-2", exchange: 2 },
        ],
        example: {
          message: 'unexpected property "currency" (not in the spec)',
          expected: "(absent)",
          actual: '"USD"',
          curl: "curl 'http://h/api/video/logs?page=0'",
          requestId: "rq-0",
        },
      },
    ]);
  });

  it(`counts every response but lists the first ${MAX_LISTED_REQUESTS}`, () => {
    const [finding] = groupFindings(Array.from({ length: 25 }, (_, n) => page(n, 2)));
    expect(finding!.count).toBe(25);
    expect(finding!.requests).toEqual(
      Array.from({ length: MAX_LISTED_REQUESTS }, (_, n) => ({ requestId: `rq-${n}`, exchange: n })),
    );
  });

  it("is known only when every occurrence is", () => {
    const known = (exchange: JudgedExchange, which: (i: number) => boolean): JudgedExchange => ({
      ...exchange,
      violations: exchange.violations.map((v, i) => (which(i) ? { ...v, known: true as const } : v)),
    });
    expect(groupFindings([known(page(0, 2), () => true), known(page(1, 2), () => true)])[0]!.known).toBe(true);
    expect(groupFindings([known(page(0, 2), () => true), known(page(1, 2), (i) => i === 0)])[0]).not.toHaveProperty(
      "known",
    );
  });
});

describe("the order of grouped findings", () => {
  const one = (finding: Finding, operation: string, status: number | null): JudgedExchange => ({
    operation,
    status,
    requestId: null,
    curl: "curl",
    violations: [finding],
  });
  const identity = (f: DriftFinding) => [f.severity, f.check, f.operation, f.status, f.pointer, f.keyword];

  it("puts a finding with no response before one of any status, even 0, whichever came first", () => {
    for (const statuses of [
      [0, null],
      [null, 0],
      [404, 200, null],
    ]) {
      const grouped = groupFindings(statuses.map((status) => one(extra(0), "list_logs", status)));
      expect(grouped.map((f) => f.status)).toEqual(statuses.toSorted((a, b) => (a ?? -1) - (b ?? -1)));
    }
  });

  it("is breaking first, then the check's place in the table, operation, status, pointer and keyword, whatever the order of the exchanges", () => {
    const field = fc.record({
      kind: fc.constantFrom("breaking" as const, "additive" as const),
      check: fc.constantFrom(...CHECK_NAMES),
      operation: fc.constantFrom("get_log", "list_logs", "list_rooms"),
      status: fc.constantFrom(null, 0, 200, 404),
      pointer: fc.constantFrom("", "/a", "/b", "/data/*/x"),
      keyword: fc.constantFrom("type", "enum", "required"),
    });
    const key = (f: {
      kind: string;
      check: string;
      operation: string;
      status: number | null;
      pointer: string;
      keyword: string;
    }) => `${f.check} ${f.operation} ${f.status} ${f.pointer} ${f.keyword}`;
    fc.assert(
      fc.property(fc.uniqueArray(field, { selector: key, maxLength: 12 }), (fields) => {
        const exchanges = fields.map((f) =>
          one(
            { ...extra(0), kind: f.kind, check: f.check, pointer: f.pointer, keyword: f.keyword },
            f.operation,
            f.status,
          ),
        );
        const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const expected = fields
          .map((f) => [f.kind, f.check, f.operation, f.status, f.pointer, f.keyword])
          .toSorted(
            ([ka, ca, oa, sa, pa, wa], [kb, cb, ob, sb, pb, wb]) =>
              (ka === kb ? 0 : ka === "breaking" ? -1 : 1) ||
              CHECK_NAMES.indexOf(ca as never) - CHECK_NAMES.indexOf(cb as never) ||
              text(oa as string, ob as string) ||
              ((sa as number | null) ?? -1) - ((sb as number | null) ?? -1) ||
              text(pa as string, pb as string) ||
              text(wa as string, wb as string),
          );
        expect(groupFindings(exchanges).map(identity)).toEqual(expected);
        expect(groupFindings(exchanges.toReversed()).map(identity)).toEqual(expected);
      }),
      seeded,
    );
  });
});

describe("FindingGroups", () => {
  it("holds each fingerprint once, tells which it holds, and hands each new finding to onNew once, as grouped", () => {
    const groups = new FindingGroups();
    const shown: DriftFinding[] = [];
    expect(groups.size).toBe(0);
    expect(groups.has(fingerprint)).toBe(false);
    groups.add(page(0, 2), 0, (finding) => shown.push(structuredClone(finding)));
    groups.add(page(1, 3), 1, (finding) => shown.push(structuredClone(finding)));
    expect(groups.size).toBe(1);
    expect(groups.has(fingerprint)).toBe(true);
    expect(groups.has(fingerprint.replace(/.$/, (d) => (d === "0" ? "1" : "0")))).toBe(false);
    expect(shown).toEqual([{ ...groupFindings([page(0, 2)])[0]!, count: 1 }]);
    expect(groups.findings()).toEqual(groupFindings([page(0, 2), page(1, 3)]));
  });
});
