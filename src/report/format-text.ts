// The report for people: a summary line, then each violation with where, what, and how to reproduce it.
import { reportFailed, type DriftReport } from "../check/report-types.ts";

const paint = (code: number, color: boolean) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

export function summaryLine(report: DriftReport): string {
  const { requests, checked, passed, breaking, additive, errors } = report.summary;
  const verdict = reportFailed(report) ? "DRIFT" : errors > 0 ? "INCOMPLETE" : "OK";
  const counts = `${requests} requests, ${checked} checked, ${passed} passed, ${breaking} breaking, ${additive} additive`;
  return `${verdict}: ${counts}${errors ? `, ${errors} without response` : ""} (${report.target.kind} ${report.target.baseUrl})`;
}

export function formatText(report: DriftReport, { color = false }: { color?: boolean } = {}): string {
  const red = paint(31, color);
  const yellow = paint(33, color);
  const green = paint(32, color);
  const dim = paint(2, color);
  const failed = reportFailed(report);
  const lines = [(failed ? red : report.summary.errors ? yellow : green)(summaryLine(report))];
  for (const check of report.checks) {
    if (check.error) {
      lines.push("", `${red("NO RESPONSE")} ${check.name}: ${check.error}`, dim(`  repro: ${check.curl}`));
      continue;
    }
    for (const note of check.notes ?? []) lines.push("", dim(`note: ${check.name}: ${note}`));
    for (const v of check.violations) {
      const label = v.kind === "breaking" ? red("BREAKING") : yellow("ADDITIVE");
      lines.push(
        "",
        `${label} ${check.operation} ${check.status} ${v.pointer || "/"}: ${v.message}`,
        dim(`  expected ${v.expected}, actual ${v.actual}`),
        dim(`  check: ${check.name}${check.requestId ? `, request id ${check.requestId}` : ""}`),
        dim(`  repro: ${check.curl}`),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
