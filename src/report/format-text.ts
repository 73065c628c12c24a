// The report for people: the summary line, each drift once (breaking first) with what, where, how often and how to
// repeat it, the requests that got no response, what the run did not see of the spec, and the summary line again at the
// end, where the eye lands.
import { COVERAGE_KINDS, coverageLine, missedCoverage, missedText } from "./coverage-missed.ts";
import { escapeTerminal as t } from "./escape-terminal.ts";
import { findingHistoryText, minuteOf } from "./history-text.ts";
import type { DriftReport } from "./report-types.ts";
import { skippedEntryLines } from "./skipped-entries.ts";
import { occurrencesText, summaryLine, verdictOf } from "./summary-line.ts";

const paint = (code: number, color: boolean) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Every field that may hold server text goes through `t` before our own colour codes are added around it. */
export function formatText(report: DriftReport, { color = false }: { color?: boolean } = {}): string {
  const red = paint(31, color);
  const yellow = paint(33, color);
  const dim = paint(2, color);
  const verdict = verdictOf(report);
  const summary = (verdict === "DRIFT" ? red : verdict === "INCOMPLETE" ? yellow : paint(32, color))(
    t(summaryLine(report)),
  );
  const lines = [summary];
  if (report.seed !== undefined)
    lines.push(dim(`seed: ${report.seed} (check --seed ${report.seed} makes the same choices)`));
  for (const skip of report.skipped) lines.push(dim(`skipped: ${skip.check}: ${t(skip.reason)}`));
  for (const line of skippedEntryLines(report)) lines.push(dim(`skipped: ${t(line)}`));
  for (const note of report.notes) lines.push(dim(`note: ${t(note)}`));
  for (const exchange of report.exchanges) {
    for (const note of exchange.notes ?? []) lines.push(dim(`note: ${t(exchange.name)}: ${t(note)}`));
  }
  for (const finding of report.findings) {
    const severity = finding.severity === "breaking" ? red("BREAKING") : yellow("ADDITIVE");
    const { example } = finding;
    lines.push(
      "",
      `${finding.known ? `KNOWN ${severity}` : severity} [${finding.check}] ${t(finding.operation)} ${finding.status ?? "-"} ${t(finding.pointer || "/")}: ${t(example.message)}`,
      ...(finding.history ? [`  ${findingHistoryText(finding.history)}`] : []),
      dim(`  expected ${t(example.expected)}, actual ${t(example.actual)}`),
      dim(`  ${t(occurrencesText(report, finding))}`),
      ...(example.curl ? [dim(`  repro: ${t(example.curl)}`)] : []),
      dim(`  fingerprint: ${finding.fingerprint}`),
    );
  }
  for (const gone of report.history?.resolved ?? []) {
    lines.push(
      "",
      `${paint(32, color)("RESOLVED")} [${gone.check}] ${t(gone.operation)} ${gone.status ?? "-"} ${t(gone.pointer || "/")} (${t(gone.keyword)})`,
      dim(
        `  first seen ${minuteOf(gone.firstSeen)}, last seen ${minuteOf(gone.lastSeen)} UTC; fingerprint: ${gone.fingerprint}`,
      ),
    );
  }
  for (const exchange of report.exchanges.filter((candidate) => candidate.error !== undefined)) {
    lines.push(
      "",
      `${red("NO RESPONSE")} ${t(exchange.name)}: ${t(exchange.error!)}`,
      dim(`  repro: ${t(exchange.curl)}`),
    );
  }
  lines.push("", ...coverageLines(report));
  lines.push("", summary);
  return `${lines.join("\n")}\n`;
}

/** The coverage line, then a table of what was not seen: one row per operation and kind. */
function coverageLines({ coverage }: DriftReport): string[] {
  const rows = missedCoverage(coverage).flatMap(({ operation, missed }) =>
    COVERAGE_KINDS.filter((kind) => missed[kind].length > 0).map((kind) => [operation, kind, missedText(missed[kind])]),
  );
  if (rows.length === 0) return [t(`${coverageLine(coverage)}: everything the spec declares`)];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map(
    ([operation, kind, text]) => `  ${t(operation!.padEnd(widths[0]!))}  ${kind!.padEnd(widths[1]!)}  ${t(text!)}`,
  );
  return [t(`${coverageLine(coverage)}; not seen:`), ...table];
}
