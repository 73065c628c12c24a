// `video-logs history` in text (an aligned table for a terminal), Markdown (a GitHub table, for a job summary) and
// JSON. Every field read from the file is escaped for its sink: a history file is input like any other.
import { safeJson } from "../report/escape-json.ts";
import { markdownCodeCell as code, markdownText as md } from "../report/escape-markdown.ts";
import { escapeTerminal as t } from "../report/escape-terminal.ts";
import { minuteOf as minute } from "../report/history-text.ts";
import { describeTarget } from "../report/report-types.ts";
import { HISTORY_LIMITS } from "./history-defaults.ts";
import type { HistoryRun } from "./history-types.ts";
import { type HistoryRow, type HistoryView, STRIP_MARKS } from "./history-view.ts";

export const HISTORY_FORMATS = ["text", "markdown", "json"] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

const LEGEND = `${STRIP_MARKS.present} present, ${STRIP_MARKS.absent} absent, ${STRIP_MARKS.unobserved} not observed (another target or spec, an incomplete run, or the check did not run on the operation); oldest run first`;

/** The runs kept, their span, and the last run's verdict and target. */
function heading(view: HistoryView): string {
  const { firstRun, lastRun, runsKept } = view;
  if (!firstRun || !lastRun) return "No run recorded yet.";
  const last = (run: HistoryRun) =>
    `${run.verdict}${run.complete ? "" : ", incomplete"}, ${describeTarget(run.target)}`;
  return `${runsKept} run${runsKept === 1 ? "" : "s"} kept, ${minute(firstRun.startedAt)} to ${minute(lastRun.startedAt)} UTC; the last: ${last(lastRun)}. ${view.rows.length} finding${view.rows.length === 1 ? "" : "s"} ever seen.`;
}

const where = (row: HistoryRow) => `${row.pointer || "/"} (${row.keyword})`;
const STRIP_HEADING = `last ${HISTORY_LIMITS.stripRuns} runs`;

export function formatHistory(view: HistoryView, format: HistoryFormat): string {
  switch (format) {
    case "json":
      return `${safeJson(historyJson(view), 2)}\n`;
    case "markdown":
      return historyMarkdown(view);
    case "text":
      return historyText(view);
  }
}

function historyText(view: HistoryView): string {
  const lines = [t(heading(view))];
  if (view.rows.length > 0) {
    const header = [
      "state",
      "severity",
      "check",
      "operation",
      "status",
      "pointer",
      "first seen",
      "last seen",
      "runs",
      STRIP_HEADING,
    ];
    const cells = view.rows.map((row) => [
      row.state === "unobserved" ? "not observed" : row.state,
      row.severity,
      row.check,
      t(row.operation),
      String(row.status ?? "-"),
      t(where(row)),
      minute(row.firstSeen),
      minute(row.lastSeen),
      `${row.runsSeen}/${row.runsKept}`,
      row.strip,
    ]);
    const widths = header.map((heading, i) => Math.max(heading.length, ...cells.map((row) => row[i]!.length)));
    const line = (row: string[]) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd();
    lines.push("", line(header.map((heading) => heading.toUpperCase())), ...cells.map(line), "", LEGEND);
  }
  return `${lines.join("\n")}\n`;
}

function historyMarkdown(view: HistoryView): string {
  const out = ["### Drift history", "", md(heading(view)), ""];
  if (view.rows.length === 0) return out.join("\n");
  out.push(
    `| state | severity | check | operation | status | pointer | first seen | last seen | runs seen | ${STRIP_HEADING} |`,
    "|---|---|---|---|---|---|---|---|---|---|",
    ...view.rows.map(
      (row) =>
        `| ${row.state === "unobserved" ? "not observed" : row.state} | ${row.severity} | ${row.check} | ${code(row.operation)} | ${row.status ?? "–"} | ${code(where(row))} | ${minute(row.firstSeen)} | ${minute(row.lastSeen)} | ${row.runsSeen} of ${row.runsKept} | ${code(row.strip)} |`,
    ),
    "",
    md(LEGEND),
    "",
  );
  return out.join("\n");
}

function historyJson(view: HistoryView) {
  const run = (r: HistoryRun | undefined) =>
    r && { startedAt: r.startedAt, target: r.target, verdict: r.verdict, complete: r.complete };
  return {
    runsKept: view.runsKept,
    firstRun: run(view.firstRun) ?? null,
    lastRun: run(view.lastRun) ?? null,
    marks: STRIP_MARKS,
    findings: view.rows,
  };
}
