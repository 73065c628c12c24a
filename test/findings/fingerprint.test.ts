// A finding's identity: the same drift gets the same fingerprint whatever the data, and different drifts differ.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECK_NAMES } from "../../src/findings/checks.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { canonicalHash, fingerprintOf, patternPointer } from "../../src/findings/fingerprint.ts";
import { fingerprintOfOccurrence, groupFindings, type JudgedExchange } from "../../src/findings/group-findings.ts";
import { seeded } from "../helpers/seed.ts";

const fields = {
  check: "response-schema",
  operation: "list_logs",
  status: 200,
  pointer: "/data/*/charge",
  keyword: "type",
};

describe("patternPointer", () => {
  it.each([
    ["", ""],
    ["/data/0/charge", "/data/*/charge"],
    ["/data/12/charge_details/3/amount", "/data/*/charge_details/*/amount"],
    ["/data/01/charge", "/data/01/charge"],
    ["/links/next", "/links/next"],
    ["/a~1b/7", "/a~1b/*"],
    ["/", "/"],
  ])("writes %j as %j", (pointer, pattern) => {
    expect(patternPointer(pointer)).toBe(pattern);
  });

  it("is idempotent and keeps every segment that is not an index", () => {
    const segment = fc.oneof(fc.nat().map(String), fc.string());
    fc.assert(
      fc.property(fc.array(segment), (segments) => {
        const pointer = segments.length === 0 ? "" : `/${segments.join("/")}`;
        const pattern = patternPointer(pointer);
        expect(patternPointer(pattern)).toBe(pattern);
        expect(pattern.split("/").length).toBe(pointer.split("/").length);
      }),
      { seed: 20261206 },
    );
  });
});

describe("fingerprintOf", () => {
  it("is 16 hex digits, fixed for a given drift across releases of the data", () => {
    expect(fingerprintOf(fields)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf(fields)).toBe(fingerprintOf({ ...fields }));
    // Pinned (sha256 of ["video-logs-finding/1","response-schema","list_logs",200,"/data/*/charge","type"]): a change
    // of the canonical string must be deliberate, with a new version in it.
    expect(fingerprintOf(fields)).toBe("e4e76d0ee06123f4");
  });

  it("changes when any one field changes, and cannot be forged by moving text between fields", () => {
    const variants = [
      { ...fields, check: "status-code" },
      { ...fields, operation: "get_log" },
      { ...fields, status: 500 },
      { ...fields, status: null },
      { ...fields, pointer: "/data/*/url" },
      { ...fields, keyword: "format" },
      { ...fields, operation: "list_logs 200", status: null },
    ];
    const prints = new Set([fields, ...variants].map(fingerprintOf));
    expect(prints.size).toBe(variants.length + 1);
  });
});

describe("fingerprintOf over any fields", () => {
  const anyFields = fc.record({
    check: fc.oneof(fc.constantFrom(...CHECK_NAMES), fc.string()),
    operation: fc.string(),
    status: fc.option(fc.integer({ min: -1, max: 999 })),
    pointer: fc.string(),
    keyword: fc.string(),
  });

  it("is the same for equal fields, computed anew, and differs when any one field differs", () => {
    fc.assert(
      fc.property(anyFields, anyFields, (a, b) => {
        expect(fingerprintOf(a)).toBe(fingerprintOf(structuredClone(a)));
        expect(fingerprintOf(a)).toMatch(/^[0-9a-f]{16}$/);
        const same = (Object.keys(a) as (keyof typeof a)[]).every((field) => Object.is(a[field], b[field]));
        expect(fingerprintOf(a) === fingerprintOf(b)).toBe(same);
        for (const field of Object.keys(a) as (keyof typeof a)[]) {
          if (!Object.is(a[field], b[field]))
            expect(fingerprintOf({ ...a, [field]: b[field] })).not.toBe(fingerprintOf(a));
        }
      }),
      seeded,
    );
  });

  it("is canonicalHash under its own namespace, which another namespace never shares", () => {
    fc.assert(
      fc.property(anyFields, fc.string(), (f, namespace) => {
        const values = [f.check, f.operation, f.status, f.pointer, f.keyword];
        expect(fingerprintOf(f)).toBe(canonicalHash("video-logs-finding/1", values));
        if (namespace !== "video-logs-finding/1") expect(canonicalHash(namespace, values)).not.toBe(fingerprintOf(f));
      }),
      seeded,
    );
  });
});

const finding = (pointer: string, overrides: Partial<Finding> = {}): Finding => ({
  check: "response-schema",
  kind: "breaking",
  keyword: "type",
  pointer,
  message: "expected number, got string",
  expected: "number",
  actual: '"0.22"',
  ...overrides,
});

const exchange = (violations: Finding[], requestId: string | null, overrides: Partial<JudgedExchange> = {}) => ({
  operation: "list_logs",
  status: 200,
  requestId,
  curl: `curl ${requestId}`,
  violations,
  ...overrides,
});

describe("groupFindings", () => {
  it("makes one drifted field one finding, counting each response that shows it once, the first ten listed, the first occurrence as example", () => {
    const exchanges = Array.from({ length: 12 }, (_, page) =>
      exchange(
        [finding(`/data/${page}/charge`, { actual: `"${page}"` }), finding(`/data/${page + 1}/charge`)],
        `r${page}`,
      ),
    );
    const [grouped, ...rest] = groupFindings(exchanges);
    expect(rest).toEqual([]);
    expect(grouped).toEqual({
      fingerprint: fingerprintOf(fields),
      check: "response-schema",
      operation: "list_logs",
      status: 200,
      pointer: "/data/*/charge",
      keyword: "type",
      severity: "breaking",
      count: 12,
      // Each response once, though each showed the drift twice.
      requests: Array.from({ length: 10 }, (_, index) => ({ requestId: `r${index}`, exchange: index })),
      example: {
        message: "expected number, got string",
        expected: "number",
        actual: '"0"',
        curl: "curl r0",
        requestId: "r0",
      },
    });
  });

  it("lists breaking findings first, then by check, operation, status and pointer", () => {
    const grouped = groupFindings([
      exchange([finding("/extra", { kind: "additive", keyword: "additionalProperties" })], "a"),
      exchange([finding("/b", { check: "status-code", keyword: "status" })], "b", { operation: "get_log" }),
      exchange([finding("/a")], "c", { operation: "get_log" }),
      exchange([finding("/a")], "d", { operation: "get_log", status: 404 }),
    ]);
    expect(grouped.map((f) => [f.severity, f.check, f.operation, f.status, f.pointer])).toEqual([
      ["breaking", "response-schema", "get_log", 200, "/a"],
      ["breaking", "response-schema", "get_log", 404, "/a"],
      ["breaking", "status-code", "get_log", 200, "/b"],
      ["additive", "response-schema", "list_logs", 200, "/extra"],
    ]);
  });

  it("keeps a finding known only while every occurrence is known", () => {
    const known = finding("/data/0/charge", { known: true });
    expect(groupFindings([exchange([known], "a"), exchange([known], "b")])[0]!.known).toBe(true);
    expect(
      groupFindings([exchange([known], "a"), exchange([finding("/data/3/charge")], "b")])[0]!.known,
    ).toBeUndefined();
  });

  it("counts each response that shows a drift exactly once whatever the exchanges hold", () => {
    const arbitraryFinding = fc.record({
      check: fc.constantFrom(...CHECK_NAMES),
      kind: fc.constantFrom("breaking" as const, "additive" as const),
      keyword: fc.constantFrom("type", "required", "enum"),
      pointer: fc
        .array(fc.oneof(fc.nat({ max: 3 }).map(String), fc.constantFrom("data", "charge")), { maxLength: 4 })
        .map((s) => (s.length ? `/${s.join("/")}` : "")),
      message: fc.string(),
      expected: fc.string(),
      actual: fc.string(),
    });
    const arbitraryExchange = fc.record({
      operation: fc.constantFrom("list_logs", "get_log"),
      status: fc.constantFrom(200, 404, null),
      requestId: fc.option(fc.uuid()),
      curl: fc.constant("curl"),
      violations: fc.array(arbitraryFinding, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryExchange, { maxLength: 20 }), (exchanges) => {
        const grouped = groupFindings(exchanges);
        for (const f of grouped) {
          const showing = exchanges.filter((e) =>
            e.violations.some((v) => fingerprintOfOccurrence(v, e) === f.fingerprint),
          );
          expect(f.count).toBe(showing.length);
        }
        expect(new Set(grouped.map((f) => f.fingerprint)).size).toBe(grouped.length);
        for (const f of grouped) {
          const shown = new Set(f.requests.map((r) => r.exchange));
          expect(shown.size).toBe(f.requests.length);
          expect(f.requests.length).toBeLessThanOrEqual(Math.min(10, f.count));
        }
      }),
      { seed: 20261206 },
    );
  });
});
