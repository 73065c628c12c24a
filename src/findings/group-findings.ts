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
  const groups = new FindingGroups();
  for (const [index, exchange] of exchanges.entries()) groups.add(exchange, index);
  return groups.findings();
}

/**
 * Findings grouped as they come, one exchange at a time (the client's `onDrift`, a long-running reader): the same
 * grouping as groupFindings, which is this over a whole list. The findings it holds are its own, changed by later adds.
 */
export class FindingGroups {
  readonly #byFingerprint = new Map<string, DriftFinding>();
  // The last exchange counted for each fingerprint: a response with several occurrences (the items of one page) counts
  // and is listed once.
  readonly #lastExchange = new Map<string, number>();

  /** How many distinct findings so far. */
  get size(): number {
    return this.#byFingerprint.size;
  }

  /** Whether a finding of this fingerprint is held. */
  has(fingerprint: string): boolean {
    return this.#byFingerprint.has(fingerprint);
  }

  /** Counts the occurrences of one exchange, its `index` among all; `onNew` gets each finding it shows first. */
  add(exchange: JudgedExchange, index: number, onNew?: (finding: DriftFinding) => void): void {
    for (const finding of exchange.violations) {
      const fingerprint = fingerprintOfOccurrence(finding, exchange);
      const grouped = this.#byFingerprint.get(fingerprint);
      if (grouped) {
        if (this.#lastExchange.get(fingerprint) !== index) {
          this.#lastExchange.set(fingerprint, index);
          grouped.count++;
          if (grouped.requests.length < MAX_LISTED_REQUESTS)
            grouped.requests.push({ requestId: exchange.requestId, exchange: index });
        }
        // A finding is known when every occurrence is: one the baseline did not list still fails the run.
        if (!finding.known) delete grouped.known;
        continue;
      }
      this.#lastExchange.set(fingerprint, index);
      const first = firstOccurrence(fingerprint, finding, exchange, index);
      this.#byFingerprint.set(fingerprint, first);
      onNew?.(first);
    }
  }

  /** Every finding so far, breaking first. */
  findings(): DriftFinding[] {
    return [...this.#byFingerprint.values()].sort(findingOrder);
  }
}

/** A finding as its first occurrence shows it: counted once, that occurrence its example. */
function firstOccurrence(fingerprint: string, finding: Finding, exchange: JudgedExchange, index: number): DriftFinding {
  return {
    fingerprint,
    check: finding.check,
    operation: exchange.operation,
    status: exchange.status,
    pointer: patternPointer(finding.pointer),
    keyword: finding.keyword,
    severity: finding.kind,
    count: 1,
    requests: [{ requestId: exchange.requestId, exchange: index }],
    example: {
      message: finding.message,
      expected: finding.expected,
      actual: finding.actual,
      curl: exchange.curl,
      requestId: exchange.requestId,
    },
    ...(finding.known ? { known: true as const } : {}),
  };
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
