// The proxy's report corrected by what it counted but did not keep (proxy-session.ts): responses that passed, the
// responses of a finding past its listed ones, the bodies too large to judge, and the finding of the fingerprint cap.
import { type DriftFinding, MAX_LISTED_REQUESTS } from "../findings/finding.ts";
import { fingerprintOf } from "../findings/fingerprint.ts";
import type { DriftReport } from "../report/report-types.ts";
import type { SessionCounts } from "./proxy-session.ts";

/** The report's summary and findings counting every response seen, with notes on what it does not list. */
export function withCounts(report: DriftReport, counts: SessionCounts): DriftReport {
  const findings = report.findings.map((finding) => {
    const more = counts.unlisted.get(finding.fingerprint) ?? 0;
    return more > 0 ? { ...finding, count: finding.count + more } : finding;
  });
  const summary = {
    ...report.summary,
    checked: report.summary.checked + counts.passed + counts.unlistedResponses,
    passed: report.summary.passed + counts.passed,
  };
  const notes = [...report.notes];
  if (counts.passed > 0)
    notes.push(
      `${counts.passed} response(s) passed every check: counted, not listed (the report lists the responses that showed drift, at most ${MAX_LISTED_REQUESTS} per finding)`,
    );
  if (counts.tooLarge > 0)
    notes.push(`${counts.tooLarge} response(s) had a body past --max-body-bytes: passed through unjudged`);
  return { ...report, summary, findings, notes };
}

/** The report with the cap's finding last, counted in the summary. */
export function withCapFinding(report: DriftReport, cap: DriftFinding | undefined): DriftReport {
  if (!cap) return report;
  const summary = { ...report.summary, [cap.severity]: report.summary[cap.severity] + 1 };
  return { ...report, summary, findings: [...report.findings, cap] };
}

/** The one finding that says how many occurrences were past the cap of distinct findings, or undefined. */
export function capFinding(overCap: SessionCounts["overCap"], cap: number): DriftFinding | undefined {
  if (overCap.count === 0) return undefined;
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
    severity: overCap.breaking ? "breaking" : "additive",
    count: overCap.count,
    requests: [],
    example: {
      message: `more than ${cap} distinct findings in one run: ${overCap.count} occurrence(s) of further findings were counted, not grouped`,
      expected: `at most ${cap} distinct findings`,
      actual: `${overCap.count} occurrence(s) past them`,
      curl: "",
      requestId: null,
    },
  };
}
