// The results a long run keeps, in bounded memory: every result up to MAX_WHOLE_RESULTS, then only those that list an
// occurrence of a finding under its MAX_LISTED_REQUESTS; the rest are counted, and the report's figures corrected by
// the counts. At most MAX_FINGERPRINTS distinct findings are grouped: occurrences of any further one are counted in one
// finding that says so. The proxy and the recording check keep their results here.
import { type DriftFinding, type Finding, MAX_LISTED_REQUESTS } from "../findings/finding.ts";
import { fingerprintOf } from "../findings/fingerprint.ts";
import type { DriftReport, ExchangeResult } from "../report/report-types.ts";

/** Results kept whole, passed or not, before only the ones that list a finding are. */
export const MAX_WHOLE_RESULTS = 10_000;
/** Distinct findings one run groups; occurrences of any further one are counted in one finding. */
export const MAX_FINGERPRINTS = 10_000;

export class KeptResults {
  readonly results: ExchangeResult[] = [];
  /** Per fingerprint: how many kept results show it. */
  readonly #listed = new Map<string, number>();
  /** Responses judged and passed, not kept. */
  #passed = 0;
  /** Responses that showed drift, not kept; per fingerprint, how many. */
  #unlistedResults = 0;
  readonly #unlisted = new Map<string, number>();
  readonly #overCap = { count: 0, breaking: false };
  readonly #wholeUpTo: number;
  readonly #maxFingerprints: number;

  constructor({ wholeUpTo = MAX_WHOLE_RESULTS, maxFingerprints = MAX_FINGERPRINTS } = {}) {
    this.#wholeUpTo = wholeUpTo;
    this.#maxFingerprints = maxFingerprints;
  }

  /** Keeps a final result (its findings fingerprinted), or counts it. */
  add(result: ExchangeResult): void {
    const violations = result.violations.filter((finding) => this.#withinCap(finding));
    const fingerprints = new Set(violations.map((finding) => finding.fingerprint!));
    const whole = this.results.length < this.#wholeUpTo;
    const lists = [...fingerprints].some((fingerprint) => (this.#listed.get(fingerprint) ?? 0) < MAX_LISTED_REQUESTS);
    if (whole || lists || result.error !== undefined) {
      for (const fingerprint of fingerprints) this.#listed.set(fingerprint, (this.#listed.get(fingerprint) ?? 0) + 1);
      this.results.push(violations.length === result.violations.length ? result : { ...result, violations });
    } else if (fingerprints.size === 0) this.#passed++;
    else {
      this.#unlistedResults++;
      for (const fingerprint of fingerprints)
        this.#unlisted.set(fingerprint, (this.#unlisted.get(fingerprint) ?? 0) + 1);
    }
  }

  /** True for a fingerprint already grouped, or a new one while there is room; else counted in the cap's finding. */
  #withinCap(finding: Finding): boolean {
    const fingerprint = finding.fingerprint!;
    if (this.#listed.has(fingerprint)) return true;
    if (this.#listed.size < this.#maxFingerprints) {
      this.#listed.set(fingerprint, 0);
      return true;
    }
    this.#overCap.count++;
    if (finding.kind === "breaking") this.#overCap.breaking = true;
    return false;
  }

  /** The report of the kept results with its summary and findings counting every result, and notes on the rest. */
  corrected(report: DriftReport): DriftReport {
    const findings = report.findings.map((finding) => {
      const more = this.#unlisted.get(finding.fingerprint) ?? 0;
      return more > 0 ? { ...finding, count: finding.count + more } : finding;
    });
    const summary = {
      ...report.summary,
      checked: report.summary.checked + this.#passed + this.#unlistedResults,
      passed: report.summary.passed + this.#passed,
    };
    const notes = [...report.notes];
    const counted = this.#passed + this.#unlistedResults;
    if (counted > 0)
      notes.push(
        `the report lists ${report.exchanges.length} of the ${report.exchanges.length + counted} responses judged: all of the first ${this.#wholeUpTo}, then those that show a finding among its first ${MAX_LISTED_REQUESTS}; the rest are counted`,
      );
    return withCapFinding({ ...report, summary, findings, notes }, this.#capFinding());
  }

  /** The one finding that says how many occurrences were past the cap of distinct findings, or undefined. */
  #capFinding(): DriftFinding | undefined {
    const { count, breaking } = this.#overCap;
    if (count === 0) return undefined;
    const cap = this.#maxFingerprints;
    const fields = {
      check: "response-schema" as const,
      operation: "*",
      status: null,
      pointer: "",
      keyword: "fingerprint-cap",
    };
    return {
      ...fields,
      fingerprint: fingerprintOf(fields),
      severity: breaking ? "breaking" : "additive",
      count,
      requests: [],
      example: {
        message: `more than ${cap} distinct findings in one run: ${count} occurrence(s) of further findings were counted, not grouped`,
        expected: `at most ${cap} distinct findings`,
        actual: `${count} occurrence(s) past them`,
        curl: "",
        requestId: null,
      },
    };
  }
}

/** The report with the cap's finding last, counted in the summary. */
function withCapFinding(report: DriftReport, cap: DriftFinding | undefined): DriftReport {
  if (!cap) return report;
  const summary = { ...report.summary, [cap.severity]: report.summary[cap.severity] + 1 };
  return { ...report, summary, findings: [...report.findings, cap] };
}
