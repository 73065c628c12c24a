// The report for people: a summary line, then each violation with where, what, and how to reproduce it.

import { escapeTerminal as t } from "./escape-terminal.ts";
import { type DriftReport, describeTarget, reportFailed } from "./report-types.ts";
import { skippedEntryLines } from "./skipped-entries.ts";

const paint = (code: number, color: boolean) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** The verdict and counts, unescaped: each format escapes it for its own sink. */
export function summaryLine(report: DriftReport): string {
  const { requests, checked, passed, breaking, additive, errors } = report.summary;
  const { recording } = report;
  // A recording that held nothing to judge is as incomplete as a check whose requests got no answer.
  const verdict = reportFailed(report) ? "DRIFT" : errors > 0 || recording?.judged === 0 ? "INCOMPLETE" : "OK";
  const judged = `${checked} checked, ${passed} passed, ${breaking} breaking, ${additive} additive`;
  const counts = recording
    ? `${recording.entries} entries, ${judged}, ${recording.skipped} not judged`
    : `${requests} requests, ${judged}`;
  return `${verdict}: ${counts}${errors ? `, ${errors} without response` : ""} (${describeTarget(report.target)})`;
}

/** Every field that may hold server text goes through `t` before our own colour codes are added around it. */
export function formatText(report: DriftReport, { color = false }: { color?: boolean } = {}): string {
  const red = paint(31, color);
  const yellow = paint(33, color);
  const green = paint(32, color);
  const dim = paint(2, color);
  const failed = reportFailed(report);
  const lines = [(failed ? red : report.summary.errors ? yellow : green)(t(summaryLine(report)))];
  for (const skip of report.skipped) lines.push(dim(`skipped: ${skip.check}: ${t(skip.reason)}`));
  for (const line of skippedEntryLines(report)) lines.push(dim(`skipped: ${t(line)}`));
  for (const note of report.notes) lines.push(dim(`note: ${t(note)}`));
  for (const check of report.checks) {
    if (check.error) {
      lines.push("", `${red("NO RESPONSE")} ${t(check.name)}: ${t(check.error)}`, dim(`  repro: ${t(check.curl)}`));
      continue;
    }
    for (const note of check.notes ?? []) lines.push("", dim(`note: ${t(check.name)}: ${t(note)}`));
    for (const v of check.violations) {
      const kind = v.kind === "breaking" ? red("BREAKING") : yellow("ADDITIVE");
      const label = v.known ? `KNOWN ${kind}` : kind;
      lines.push(
        "",
        `${label} [${v.check}] ${t(check.operation)} ${check.status} ${t(v.pointer || "/")}: ${t(v.message)}`,
        dim(`  expected ${t(v.expected)}, actual ${t(v.actual)}`),
        dim(`  request: ${t(check.name)}${check.requestId ? `, request id ${t(check.requestId)}` : ""}`),
        dim(`  repro: ${t(check.curl)}`),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
