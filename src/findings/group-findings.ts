// Findings grouped by fingerprint: one entry per drift, however many requests show it, breaking first. Linear in the
// occurrences: one map lookup each.
import { CHECK_NAMES } from "./checks.ts";
import { type DriftFinding, type Finding, MAX_LISTED_REQUESTS } from "./finding.ts";
import { fingerprintOf, patternPointer } from "./fingerprint.ts";

/** What grouping reads of one exchange's result. */
export interface JudgedExchange {
  operation: string;
  status: number | null;
  requestId: string | null;
  curl: string;
  violations: readonly Finding[];
}

/** The fingerprint an occurrence carries, or the one its fields give. */
export function fingerprintOfOccurrence(finding: Finding, exchange: Pick<JudgedExchange, "operation" | "status">) {
  return (
    finding.fingerprint ??
    fingerprintOf({
      ...exchange,
      check: finding.check,
      pointer: patternPointer(finding.pointer),
      keyword: finding.keyword,
    })
  );
}

export function groupFindings(exchanges: readonly JudgedExchange[]): DriftFinding[] {
  const byFingerprint = new Map<string, DriftFinding>();
  // The last exchange counted for each fingerprint: a response with several occurrences (the items of one page) counts
  // and is listed once.
  const lastExchange = new Map<string, number>();
  exchanges.forEach((exchange, index) => {
    for (const finding of exchange.violations) {
      const fingerprint = fingerprintOfOccurrence(finding, exchange);
      const reference = { requestId: exchange.requestId, exchange: index };
      const grouped = byFingerprint.get(fingerprint);
      if (grouped) {
        if (lastExchange.get(fingerprint) !== index) {
          lastExchange.set(fingerprint, index);
          grouped.count++;
          if (grouped.requests.length < MAX_LISTED_REQUESTS) grouped.requests.push(reference);
        }
        // A finding is known when every occurrence is: one the baseline did not list still fails the run.
        if (!finding.known) delete grouped.known;
        continue;
      }
      lastExchange.set(fingerprint, index);
      byFingerprint.set(fingerprint, {
        fingerprint,
        check: finding.check,
        operation: exchange.operation,
        status: exchange.status,
        pointer: patternPointer(finding.pointer),
        keyword: finding.keyword,
        severity: finding.kind,
        count: 1,
        requests: [reference],
        example: {
          message: finding.message,
          expected: finding.expected,
          actual: finding.actual,
          curl: exchange.curl,
          requestId: exchange.requestId,
        },
        ...(finding.known ? { known: true as const } : {}),
      });
    }
  });
  return [...byFingerprint.values()].sort(findingOrder);
}

const SEVERITY_ORDER = { breaking: 0, additive: 1 } as const;

/** Breaking first, then by check in table order, operation, status, pointer and keyword. */
function findingOrder(a: DriftFinding, b: DriftFinding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    CHECK_NAMES.indexOf(a.check) - CHECK_NAMES.indexOf(b.check) ||
    compareText(a.operation, b.operation) ||
    (a.status ?? -1) - (b.status ?? -1) ||
    compareText(a.pointer, b.pointer) ||
    compareText(a.keyword, b.keyword)
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
