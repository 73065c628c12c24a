// What the human formats say of the history (`check --history`): a finding's state, the run's counts of each state.
// Unescaped: each format escapes it for its sink.
import type { FindingHistory, FindingState } from "../findings/finding-history.ts";
import type { DriftReport } from "./report-types.ts";

const STATE_ORDER: readonly FindingState[] = ["new", "regressed", "flapping", "recurring"];

/** `NEW, first seen in this run`, or `REGRESSED since 2026-12-01, 5 of 7 runs`. */
export function findingHistoryText(history: FindingHistory): string {
  if (history.state === "new") return "NEW, first seen in this run";
  return `${history.state.toUpperCase()} since ${history.firstSeen.slice(0, 10)}, ${history.runsSeen} of ${history.runsKept} runs`;
}

/** `1 new, 2 recurring; 1 resolved`: the findings of each state, and those resolved; undefined without a history. */
export function historyCounts(report: DriftReport): string | undefined {
  if (!report.history) return undefined;
  const counts = STATE_ORDER.map((state) => ({
    state,
    count: report.findings.filter((finding) => finding.history?.state === state).length,
  }))
    .filter(({ count }) => count > 0)
    .map(({ state, count }) => `${count} ${state}`);
  const resolved = report.history.resolved.length;
  const parts = [counts.join(", "), resolved > 0 ? `${resolved} resolved` : ""].filter(Boolean);
  if (report.history.failOn === "new") parts.push("only new and regressed fail");
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/** `2026-12-01 10:15`: an instant to the minute, in UTC. */
export const minuteOf = (instant: string) => `${instant.slice(0, 10)} ${instant.slice(11, 16)}`;
