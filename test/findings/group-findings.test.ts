// Grouping occurrences by fingerprint: each drift once, counted and listed once per response that showed it.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.ts";
import { MAX_LISTED_REQUESTS } from "../../src/findings/finding.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { groupFindings, type JudgedExchange } from "../../src/findings/group-findings.ts";

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
