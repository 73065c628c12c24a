// Markdown for a pull-request comment or a job summary: the verdict first, one table row per drift (breaking first),
// the requests without response, each drift's reproduction folded away, then a table of what the run did not see.

import type { DriftFinding } from "../findings/finding.ts";
import { COVERAGE_KINDS, coverageLine, type MissedGroup, missedCoverage, missedText } from "./coverage-missed.ts";
import { markdownCodeCell as code, markdownFence, markdownText as md } from "./escape-markdown.ts";
import { findingHistoryText, minuteOf } from "./history-text.ts";
import type { DriftReport } from "./report-types.ts";
import { skippedEntryLines } from "./skipped-entries.ts";
import { summaryLine, verdictOf } from "./summary-line.ts";

const ICONS = { DRIFT: "❌", INCOMPLETE: "⚠️", OK: "✅" } as const;

/** How many responses showed a finding, and the request ids of the first ones (server text, escaped). */
function seen(f: DriftFinding): string {
  const ids = f.requests.map((reference) => reference.requestId).filter((id): id is string => id !== null);
  if (ids.length === 0) return String(f.count);
  const more = f.count - f.requests.length;
  return `${f.count} (request id${ids.length === 1 ? "" : "s"} ${md(ids.join(", "))}${more > 0 ? ` and ${more} more` : ""})`;
}

/** Every piece of server text is escaped by `md` (text), `code` (a code span in a cell) or `markdownFence`. */
export function formatMarkdown(report: DriftReport): string {
  const out = [`### ${ICONS[verdictOf(report)]} Video Logs API drift check`, "", md(summaryLine(report)), ""];
  if (report.seed !== undefined)
    out.push(`Seed ${report.seed}: \`check --seed ${report.seed}\` makes the same choices.`, "");
  const remarks = [
    ...report.skipped.map((skip) => `skipped ${skip.check}: ${skip.reason}`),
    ...skippedEntryLines(report).map((line) => `skipped ${line}`),
    ...report.notes,
    ...report.exchanges.flatMap((exchange) => (exchange.notes ?? []).map((note) => `${exchange.name}: ${note}`)),
  ];
  if (remarks.length > 0) out.push(...remarks.map((remark) => `- ${md(remark)}`), "");
  const unanswered = report.exchanges.filter((exchange) => exchange.error !== undefined);
  const resolved = resolvedTable(report);
  if (report.findings.length === 0 && unanswered.length === 0) {
    out.push(
      report.interrupted
        ? "Every response judged before the interruption matched the spec."
        : "Every response matched the spec.",
      "",
      ...resolved,
      ...coverageSection(report),
    );
    return out.join("\n");
  }
  if (report.findings.length > 0) {
    // With a history, a column says whether each finding is new, recurring, regressed or flapping.
    const history = report.history !== undefined;
    out.push(
      `| severity | check | operation | status | pointer | problem | actual | seen |${history ? " history |" : ""}`,
      `|---|---|---|---|---|---|---|---|${history ? "---|" : ""}`,
      ...report.findings.map(
        (f) =>
          `| ${f.known ? `known ${f.severity}` : f.severity} | ${f.check} | ${code(f.operation)} | ${f.status ?? "–"} | ${code(f.pointer || "/")} | ${md(f.example.message)} | ${code(f.example.actual)} | ${seen(f)} |${f.history ? ` ${md(findingHistoryText(f.history))} |` : history ? " |" : ""}`,
      ),
      "",
    );
  }
  out.push(...resolved);
  if (unanswered.length > 0) {
    out.push(
      "| no response | error |",
      "|---|---|",
      ...unanswered.map((e) => `| ${md(e.name)} | ${md(e.error!)} |`),
      "",
    );
  }
  const repro = [
    // The fingerprint first: a line is cut at MAX_FIELD_CHARS, and a server's property name can make a pointer long.
    // A finding of the whole run (coverage) has no request to reproduce.
    ...report.findings
      .filter((f) => f.example.curl !== "")
      .flatMap((f) => [`# ${f.fingerprint} ${f.check} ${f.operation} ${f.pointer || "/"}`, f.example.curl]),
    ...unanswered.flatMap((e) => [`# no response: ${e.name}`, e.curl]),
  ];
  if (repro.length > 0)
    out.push("<details><summary>Reproduce</summary>", "", ...markdownFence(repro, "sh"), "", "</details>", "");
  out.push(...coverageSection(report));
  return out.join("\n");
}

/** The findings the history says this run resolved, as a table (nothing when none). */
function resolvedTable(report: DriftReport): string[] {
  const resolved = report.history?.resolved ?? [];
  if (resolved.length === 0) return [];
  return [
    "Resolved since the previous run that observed them:",
    "",
    "| severity | check | operation | status | pointer | first seen | last seen |",
    "|---|---|---|---|---|---|---|",
    ...resolved.map(
      (f) =>
        `| ${f.severity} | ${f.check} | ${code(f.operation)} | ${f.status ?? "–"} | ${code(`${f.pointer || "/"} (${f.keyword})`)} | ${minuteOf(f.firstSeen)} | ${minuteOf(f.lastSeen)} |`,
    ),
    "",
  ];
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
