// The verdict and counts in one line, shared by every human format. Unescaped: each format escapes it for its sink.
import { historyCounts } from "./history-text.ts";
import { judgedResponses } from "./judged-responses.ts";
import { type DriftReport, describeTarget, reportFailed } from "./report-types.ts";

/**
 * INCOMPLETE when the run was interrupted (whatever it found before); else DRIFT when the run fails; INCOMPLETE when
 * requests got no answer or a recording held nothing judged; else OK.
 */
export function verdictOf(report: DriftReport): "DRIFT" | "INCOMPLETE" | "OK" {
  if (report.interrupted) return "INCOMPLETE";
  if (reportFailed(report)) return "DRIFT";
  return report.summary.errors > 0 || report.recording?.judged === 0 ? "INCOMPLETE" : "OK";
}

/**
 * `OK (additive drift): 0 breaking, 66 additive findings; 27 requests, 27 judged: 11 conform, 16 with additive drift
 * only (mock …)`: the verdict (qualified when it passes over additive drift), the findings, then the responses judged
 * split by the worst finding each shows, so the parts add up to the judged count.
 */
export function summaryLine(report: DriftReport): string {
  const { requests, checked, breaking, additive, errors, known } = report.summary;
  const { recording } = report;
  // The noun agrees with the count next to it: `1 breaking, 1 additive finding`, `1 breaking, 0 additive findings`.
  const history = historyCounts(report);
  const findings = `${breaking} breaking, ${additive} additive finding${additive === 1 ? "" : "s"}${known ? `, ${known} known` : ""}${history ? ` (${history})` : ""}`;
  const judged = `${checked} judged: ${standingsText(report)}`;
  const counts = recording
    ? `${seenText(report, recording.entries)}, ${judged}; ${recording.skipped} not judged`
    : `${requests} requests, ${judged}${errors ? `; ${errors} without response` : ""}`;
  return `${verdictLabel(report)}: ${findings}; ${counts} (${describeTarget(report.target)})`;
}

/** `10 entries` of a recording; `10 responses` a proxy passed on (its report counts them as a recording's). */
function seenText(report: DriftReport, count: number): string {
  if (report.target.kind === "recording") return `${count} ${count === 1 ? "entry" : "entries"}`;
  return `${count} response${count === 1 ? "" : "s"}`;
}

/** The verdict, and `OK (additive drift)` when the run passes with additive findings: OK does not mean none. */
function verdictLabel(report: DriftReport): string {
  const verdict = verdictOf(report);
  return verdict === "OK" && report.summary.additive > 0 ? "OK (additive drift)" : verdict;
}

/** `11 conform, 16 with additive drift only`: every standing with a response, conform always. */
function standingsText(report: DriftReport): string {
  // Conforming: the summary's own count, which the JSON report states beside this line.
  const { breaking, additive, known } = judgedResponses(report);
  return [
    `${report.summary.passed} conform`,
    breaking > 0 ? `${breaking} with breaking drift` : "",
    additive > 0 ? `${additive} with additive drift only` : "",
    known > 0 ? `${known} with known drift only` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** `3 responses: request ids a, b, c` and how many more, for a finding's occurrences. */
export function occurrencesText(report: DriftReport, finding: DriftReport["findings"][number]): string {
  const ids = finding.requests.map((reference) => reference.requestId).filter((id): id is string => id !== null);
  const more = finding.count - finding.requests.length;
  const listed = ids.length > 0 ? `: request ids ${ids.join(", ")}${more > 0 ? ` and ${more} more` : ""}` : "";
  const first = report.exchanges[finding.requests[0]?.exchange ?? -1]?.name;
  return `seen in ${finding.count} response${finding.count === 1 ? "" : "s"}${listed}${first ? ` (first: ${first})` : ""}`;
}
