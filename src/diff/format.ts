// Renders a diff report as plain text, JSON or Markdown. Everything a document controls (titles, versions, paths,
// property names inside messages, pointers) is untrusted: each piece goes through its sink's escaper; the markup is ours.
import { safeJson } from "../report/escape-json.ts";
import { markdownCodeCell, markdownText as md } from "../report/escape-markdown.ts";
import { escapeTerminal as t } from "../report/escape-terminal.ts";
import type { Difference, DiffReport } from "./diff-documents.ts";
import { type DiffSpecs, formatDiffGitlab, formatDiffSarif } from "./format-sarif.ts";

export const DIFF_FORMATS = ["text", "json", "markdown", "sarif", "gitlab"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The formats that point each difference at a line of the documents: they need their files and positions. */
export const LOCATED_DIFF_FORMATS: readonly DiffFormat[] = ["sarif", "gitlab"];

export function formatDiffReport(report: DiffReport, format: DiffFormat, specs?: DiffSpecs): string {
  if (format === "sarif" || format === "gitlab") {
    if (specs === undefined) throw new TypeError(`the ${format} report needs the documents to locate differences in`);
    return format === "sarif" ? formatDiffSarif(report, specs) : formatDiffGitlab(report, specs);
  }
  if (format === "json") return `${safeJson(report, 2)}\n`;
  if (format === "markdown") return formatDiffMarkdown(report);
  return formatDiffText(report);
}

/** The document's title and version, unescaped: each format escapes them for its own sink. */
function documentName(side: DiffReport["ours"]): string {
  return `"${side.title}" ${side.version}`;
}

function diffSummaryLine(report: DiffReport): string {
  const { breaking, nonBreaking, informational } = report.summary;
  const total = report.differences.length;
  return `${total} difference${total === 1 ? "" : "s"}: ${breaking} breaking, ${nonBreaking} non-breaking, ${informational} informational`;
}

function formatDiffText(report: DiffReport): string {
  const header = [`Comparing ours ${t(documentName(report.ours))} with theirs ${t(documentName(report.theirs))}`];
  if (report.differences.length === 0) return [...header, "No differences in the compared operations.", ""].join("\n");
  const blocks = report.differences.map(textBlock);
  return [...header, diffSummaryLine(report), "", ...blocks, ""].join("\n");
}

function textBlock(difference: Difference): string {
  const where = difference.operation ? ` ${t(difference.operation)}` : "";
  return [
    `[${difference.level}] ${difference.kind}${where}`,
    `  ${t(difference.message)}`,
    `  ours:   ${difference.ours === null ? "(absent)" : t(difference.ours)}`,
    `  theirs: ${difference.theirs === null ? "(absent)" : t(difference.theirs)}`,
    "",
  ].join("\n");
}

function formatDiffMarkdown(report: DiffReport): string {
  const lines = [
    "## Spec diff",
    "",
    `Ours: ${md(documentName(report.ours))} · theirs: ${md(documentName(report.theirs))}`,
    "",
  ];
  if (report.differences.length === 0) return [...lines, "No differences in the compared operations.", ""].join("\n");
  return [
    ...lines,
    `${diffSummaryLine(report)}.`,
    "",
    "| Level | Kind | Operation | Change | Ours | Theirs |",
    "| --- | --- | --- | --- | --- | --- |",
    ...report.differences.map(markdownRow),
    "",
  ].join("\n");
}

function markdownRow(difference: Difference): string {
  // An empty pointer ("" is the whole document) has no code span; the dash stands for it as for an absent one.
  const pointer = (value: string | null) => (value === null || value === "" ? "—" : markdownCodeCell(value));
  const cells = [
    difference.level,
    markdownCodeCell(difference.kind),
    md(difference.operation ?? "(several)"),
    md(difference.message),
    pointer(difference.ours),
    pointer(difference.theirs),
  ];
  return `| ${cells.join(" | ")} |`;
}
