// Markdown for a pull-request comment or a job summary: the verdict first, one table row per drift (breaking first),
// the requests without response, each drift's reproduction folded away, then a table of what the run did not see.
import { COVERAGE_KINDS, coverageLine, type MissedGroup, missedCoverage, missedText } from "./coverage-missed.ts";
import { markdownCodeCell as code, markdownFence, markdownText as md } from "./escape-markdown.ts";
import type { DriftReport } from "./report-types.ts";
import { skippedEntryLines } from "./skipped-entries.ts";
import { summaryLine, verdictOf } from "./summary-line.ts";

const ICONS = { DRIFT: "❌", INCOMPLETE: "⚠️", OK: "✅" } as const;

/** Every piece of server text is escaped by `md` (text), `code` (a code span in a cell) or `markdownFence`. */
export function formatMarkdown(report: DriftReport): string {
  const out = [`### ${ICONS[verdictOf(report)]} Video Logs API drift check`, "", md(summaryLine(report)), ""];
  const remarks = [
    ...report.skipped.map((skip) => `skipped ${skip.check}: ${skip.reason}`),
    ...skippedEntryLines(report).map((line) => `skipped ${line}`),
    ...report.notes,
    ...report.exchanges.flatMap((exchange) => (exchange.notes ?? []).map((note) => `${exchange.name}: ${note}`)),
  ];
  if (remarks.length > 0) out.push(...remarks.map((remark) => `- ${md(remark)}`), "");
  const unanswered = report.exchanges.filter((exchange) => exchange.error !== undefined);
  if (report.findings.length === 0 && unanswered.length === 0) {
    out.push("Every response matched the spec.", "", ...coverageSection(report));
    return out.join("\n");
  }
  if (report.findings.length > 0) {
    out.push(
      "| severity | check | operation | status | pointer | problem | actual | count |",
      "|---|---|---|---|---|---|---|---|",
      ...report.findings.map(
        (f) =>
          `| ${f.known ? `known ${f.severity}` : f.severity} | ${f.check} | ${code(f.operation)} | ${f.status ?? "–"} | ${code(f.pointer || "/")} | ${md(f.example.message)} | ${code(f.example.actual)} | ${f.count} |`,
      ),
      "",
    );
  }
  if (unanswered.length > 0) {
    out.push(
      "| no response | error |",
      "|---|---|",
      ...unanswered.map((e) => `| ${md(e.name)} | ${md(e.error!)} |`),
      "",
    );
  }
  const repro = [
    ...report.findings
      .filter((f) => f.example.curl !== "")
      .flatMap((f) => [`# ${f.check} ${f.operation} ${f.pointer || "/"} (${f.fingerprint})`, f.example.curl]),
    ...unanswered.flatMap((e) => [`# no response: ${e.name}`, e.curl]),
  ];
  if (repro.length > 0)
    out.push("<details><summary>Reproduce</summary>", "", ...markdownFence(repro, "sh"), "", "</details>", "");
  out.push(...coverageSection(report));
  return out.join("\n");
}

/** The coverage line, then a table of what was not seen: one row per operation, one column per kind. */
function coverageSection({ coverage }: DriftReport): string[] {
  const missed = missedCoverage(coverage);
  if (missed.length === 0) return [`${md(coverageLine(coverage))}: everything the spec declares.`, ""];
  const cell = (groups: MissedGroup[]) => (groups.length === 0 ? "" : code(missedText(groups)));
  return [
    `${md(coverageLine(coverage))}; not seen:`,
    "",
    "| operation | statuses | parameters | enum values | union branches | properties |",
    "|---|---|---|---|---|---|",
    ...missed.map(
      (row) => `| ${code(row.operation)} | ${COVERAGE_KINDS.map((kind) => cell(row.missed[kind])).join(" | ")} |`,
    ),
    "",
  ];
}
