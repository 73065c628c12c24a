// What `video-logs history` shows: one row per finding ever seen, with when it was first and last seen, in how many of
// the runs kept, its state now, and what each of the last runs said of it. Evidence is read against the last run: a
// run of another target or spec observes nothing for it, as in `check --history`.
import type { FindingState } from "../findings/finding-history.ts";
import { comparableRuns, type Observation, observe, stateOf } from "./finding-states.ts";
import { HISTORY_LIMITS } from "./history-defaults.ts";
import type { HistoryDocument, HistoryFinding, HistoryRun } from "./history-types.ts";
import { findingOrder } from "./record-run.ts";
import { runsSeenBy, sawIt } from "./sightings.ts";

/**
 * A finding's state as of the last run: one of a present finding's states; `resolved`, absent from the latest run that
 * observed it; `unobserved`, no run since it was last seen observed it (another target or spec, an incomplete run, or
 * its check did not run on its operation).
 */
export type HistoryState = FindingState | "resolved" | "unobserved";

export const HISTORY_STATES: readonly HistoryState[] = [
  "new",
  "regressed",
  "flapping",
  "recurring",
  "unobserved",
  "resolved",
];

/** One character per run: `█` the run saw it, `·` the run shows it absent, `░` the run did not observe it. */
export const STRIP_MARKS: Readonly<Record<Observation, string>> = { present: "█", absent: "·", unobserved: "░" };

export interface HistoryRow extends HistoryFinding {
  fingerprint: string;
  state: HistoryState;
  /** The runs kept that saw it. */
  runsSeen: number;
  runsKept: number;
  /** The last runs (at most HISTORY_LIMITS.stripRuns), oldest first, one mark each (STRIP_MARKS). */
  strip: string;
}

export interface HistoryView {
  runsKept: number;
  firstRun: HistoryRun | undefined;
  lastRun: HistoryRun | undefined;
  /** By state (new, regressed, flapping, recurring, unobserved, resolved), then breaking first. */
  rows: HistoryRow[];
}

export function historyView(history: HistoryDocument, stripRuns: number = HISTORY_LIMITS.stripRuns): HistoryView {
  const { runs } = history;
  const lastRun = runs.at(-1);
  const comparable = lastRun ? comparableRuns(runs, lastRun) : [];
  const runsSeen = runsSeenBy(runs);
  const rows = Object.entries(history.findings).map(([fingerprint, finding]): HistoryRow => {
    const observations = runs.map((run, i) => observe(run, comparable[i]!, fingerprint, finding));
    return {
      fingerprint,
      ...finding,
      state: stateNow(observations, runs, fingerprint, finding),
      runsSeen: runsSeen.get(fingerprint) ?? 0,
      runsKept: runs.length,
      strip: observations
        .slice(-stripRuns)
        .map((observation) => STRIP_MARKS[observation])
        .join(""),
    };
  });
  rows.sort((a, b) => HISTORY_STATES.indexOf(a.state) - HISTORY_STATES.indexOf(b.state) || findingOrder(a, b));
  return { runsKept: runs.length, firstRun: runs[0], lastRun, rows };
}

function stateNow(
  observations: readonly Observation[],
  runs: readonly HistoryRun[],
  fingerprint: string,
  finding: HistoryFinding,
): HistoryState {
  const last = runs.at(-1);
  if (last !== undefined && observations.at(-1) === "present") {
    const seenBefore = finding.firstSeen < last.startedAt || runs.slice(0, -1).some((run) => sawIt(run, fingerprint));
    return stateOf(observations, seenBefore);
  }
  for (let i = observations.length - 1; i >= 0; i--) {
    if (observations[i] === "absent") return "resolved";
    if (observations[i] === "present") return "unobserved";
  }
  return "unobserved";
}
