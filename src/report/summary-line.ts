// The verdict and counts in one line, shared by every human format. Unescaped: each format escapes it for its sink.
import { historyCounts } from "./history-text.ts";
import { type DriftReport, describeTarget, reportFailed } from "./report-types.ts";

/** DRIFT when the run fails, INCOMPLETE when requests got no answer or a recording held nothing judged, else OK. */
export function verdictOf(report: DriftReport): "DRIFT" | "INCOMPLETE" | "OK" {
  if (reportFailed(report)) return "DRIFT";
  return report.summary.errors > 0 || report.recording?.judged === 0 ? "INCOMPLETE" : "OK";
}

export function summaryLine(report: DriftReport): string {
  const { requests, checked, passed, breaking, additive, errors, known } = report.summary;
  const { recording } = report;
  const history = historyCounts(report);
  const findings = `${breaking} breaking, ${additive} additive finding${breaking + additive === 1 ? "" : "s"}${known ? `, ${known} known` : ""}${history ? ` (${history})` : ""}`;
  const judged = `${checked} judged, ${passed} without drift`;
  const counts = recording
    ? `${recording.entries} entries, ${judged}, ${recording.skipped} not judged`
    : `${requests} requests, ${judged}`;
  const unanswered = errors ? `, ${errors} without response` : "";
  return `${verdictOf(report)}: ${findings}; ${counts}${unanswered} (${describeTarget(report.target)})`;
}

/** `85 occurrences, first in: request ids a, b` (or the first request's name when the server sent no id). */
export function occurrencesText(report: DriftReport, finding: DriftReport["findings"][number]): string {
  const ids = finding.requests.map((reference) => reference.requestId).filter((id): id is string => id !== null);
  const first = report.exchanges[finding.requests[0]?.exchange ?? -1]?.name;
  const where = ids.length > 0 ? `request ids ${ids.join(", ")}` : first;
  return `${finding.count} occurrence${finding.count === 1 ? "" : "s"}${where ? `, first in: ${where}` : ""}`;
}
