// Renders a diff report as plain text, JSON or Markdown.
import type { DiffReport, Difference } from "./diff-documents.ts";

export const FORMATS = ["text", "json", "markdown"] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function formatReport(report: DiffReport, format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "markdown") return formatMarkdown(report);
  return formatText(report);
}

function documentName(side: DiffReport["ours"]): string {
  return `"${side.title}" ${side.version}`;
}

function summaryLine(report: DiffReport): string {
  const { breaking, nonBreaking, informational } = report.summary;
  const total = report.differences.length;
  return `${total} difference${total === 1 ? "" : "s"}: ${breaking} breaking, ${nonBreaking} non-breaking, ${informational} informational`;
}

function formatText(report: DiffReport): string {
  const header = [`Comparing ours ${documentName(report.ours)} with theirs ${documentName(report.theirs)}`];
  if (report.differences.length === 0) return [...header, "No differences in the compared operations.", ""].join("\n");
  const blocks = report.differences.map(textBlock);
  return [...header, summaryLine(report), "", ...blocks, ""].join("\n");
}

function textBlock(difference: Difference): string {
  const where = difference.operation ? ` ${difference.operation}` : "";
  return [
    `[${difference.level}] ${difference.kind}${where}`,
    `  ${difference.message}`,
    `  ours:   ${difference.ours ?? "(absent)"}`,
    `  theirs: ${difference.theirs ?? "(absent)"}`,
    "",
  ].join("\n");
}

function formatMarkdown(report: DiffReport): string {
  const lines = [
    "## Spec diff",
    "",
    `Ours: ${escapeCell(documentName(report.ours))} · theirs: ${escapeCell(documentName(report.theirs))}`,
    "",
  ];
  if (report.differences.length === 0) return [...lines, "No differences in the compared operations.", ""].join("\n");
  return [
    ...lines,
    `${summaryLine(report)}.`,
    "",
    "| Level | Kind | Operation | Change | Ours | Theirs |",
    "| --- | --- | --- | --- | --- | --- |",
    ...report.differences.map(markdownRow),
    "",
  ].join("\n");
}

function markdownRow(difference: Difference): string {
  const pointer = (value: string | null) => (value === null ? "—" : `\`${escapeCell(value)}\``);
  const cells = [
    difference.level,
    `\`${difference.kind}\``,
    escapeCell(difference.operation ?? "(several)"),
    escapeCell(difference.message),
    pointer(difference.ours),
    pointer(difference.theirs),
  ];
  return `| ${cells.join(" | ")} |`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
