// Markdown for a pull-request comment: the verdict first, a table of violations, reproductions folded away.

import { markdownCodeCell, markdownFence, markdownText as md } from "./escape-markdown.ts";
import { summaryLine } from "./format-text.ts";
import { type DriftReport, reportFailed } from "./report-types.ts";
import { skippedEntryLines } from "./skipped-entries.ts";

/** Every piece of server text is escaped by `md` (text), `markdownCodeCell` or `markdownFence`; the markup is ours. */
export function formatMarkdown(report: DriftReport): string {
  const icon = reportFailed(report) ? "❌" : report.summary.errors || report.recording?.judged === 0 ? "⚠️" : "✅";
  const out = [`### ${icon} Video Logs API drift check`, "", md(summaryLine(report)), ""];
  const remarks = [
    ...report.skipped.map((skip) => `skipped ${skip.check}: ${skip.reason}`),
    ...skippedEntryLines(report).map((line) => `skipped ${line}`),
    ...report.notes,
  ];
  if (remarks.length > 0) out.push(...remarks.map((remark) => `- ${md(remark)}`), "");
  const rows = report.checks.flatMap((check) =>
    check.error
      ? [`| no response | – | ${md(check.name)} | – | – | ${md(check.error)} |`]
      : check.violations.map(
          (v) =>
            `| ${md(v.known ? `known ${v.kind}` : v.kind)} | ${md(v.check)} | ${md(check.name)}${check.requestId ? ` (request id ${md(check.requestId)})` : ""} | ${check.status} | ${markdownCodeCell(v.pointer || "/")} | ${md(v.message)} (expected ${md(v.expected)}, actual ${md(v.actual)}) |`,
        ),
  );
  if (rows.length === 0) {
    out.push("Every response matched the spec.", "");
  } else {
    out.push("| kind | check | request | status | pointer | problem |", "|---|---|---|---|---|---|", ...rows, "");
    const repro = report.checks.filter((c) => c.error || c.violations.length);
    out.push(
      "<details><summary>Reproduce</summary>",
      "",
      ...markdownFence(
        repro.map((c) => c.curl),
        "sh",
      ),
      "",
      "</details>",
      "",
    );
  }
  return out.join("\n");
}
