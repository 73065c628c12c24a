// Markdown for a pull-request comment: the verdict first, a table of violations, reproductions folded away.
import { reportFailed, type DriftReport } from "../check/report-types.ts";
import { summaryLine } from "./format-text.ts";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function formatMarkdown(report: DriftReport): string {
  const icon = reportFailed(report) ? "❌" : report.summary.errors ? "⚠️" : "✅";
  const out = [`### ${icon} Video Logs API drift check`, "", summaryLine(report), ""];
  const rows = report.checks.flatMap((check) =>
    check.error
      ? [`| no response | ${cell(check.name)} | – | – | ${cell(check.error)} |`]
      : check.violations.map(
          (v) =>
            `| ${v.kind} | ${cell(check.name)} | ${check.status} | \`${cell(v.pointer || "/")}\` | ${cell(v.message)} (expected ${cell(v.expected)}, actual ${cell(v.actual)}) |`,
        ),
  );
  if (rows.length === 0) {
    out.push("Every response matched the spec.", "");
  } else {
    out.push("| kind | check | status | pointer | problem |", "|---|---|---|---|---|", ...rows, "");
    const repro = report.checks.filter((c) => c.error || c.violations.length);
    out.push("<details><summary>Reproduce</summary>", "", "```sh", ...repro.map((c) => c.curl), "```", "", "</details>", "");
  }
  return out.join("\n");
}
