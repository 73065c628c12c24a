// The verdict and counts in one line, shared by every human format. Unescaped: each format escapes it for its sink.
import { historyCounts } from "./history-text.ts";
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

export function summaryLine(report: DriftReport): string {
  const { requests, checked, passed, breaking, additive, errors, known } = report.summary;
  const { recording } = report;
  // The noun agrees with the count next to it: `1 breaking, 1 additive finding`, `1 breaking, 0 additive findings`.
  const history = historyCounts(report);
  const findings = `${breaking} breaking, ${additive} additive finding${additive === 1 ? "" : "s"}${known ? `, ${known} known` : ""}${history ? ` (${history})` : ""}`;
  const judged = `${checked} judged, ${passed} without drift`;
  const counts = recording
    ? `${recording.entries} entries, ${judged}, ${recording.skipped} not judged`
    : `${requests} requests, ${judged}`;
  const unanswered = errors ? `, ${errors} without response` : "";
  return `${verdictOf(report)}: ${findings}; ${counts}${unanswered} (${describeTarget(report.target)})`;
}

/** `3 responses: request ids a, b, c` and how many more, for a finding's occurrences. */
export function occurrencesText(report: DriftReport, finding: DriftReport["findings"][number]): string {
  const ids = finding.requests.map((reference) => reference.requestId).filter((id): id is string => id !== null);
  const more = finding.count - finding.requests.length;
  const listed = ids.length > 0 ? `: request ids ${ids.join(", ")}${more > 0 ? ` and ${more} more` : ""}` : "";
  const first = report.exchanges[finding.requests[0]?.exchange ?? -1]?.name;
  return `seen in ${finding.count} response${finding.count === 1 ? "" : "s"}${listed}${first ? ` (first: ${first})` : ""}`;
}
