// One run in the history: the run as the history keeps it, what the history says of it (each finding's state, the
// findings it resolved), and the history with it recorded (the oldest runs pruned past `keep`).
import { CHECK_NAMES } from "../findings/checks.ts";
import type { DriftFinding } from "../findings/finding.ts";
import type { FindingHistory } from "../findings/finding-history.ts";
import type { DriftReport, ResolvedFinding } from "../report/report-types.ts";
import { verdictOf } from "../report/summary-line.ts";
import { comparableRuns, type Observation, observe, recentObservations, stateOf } from "./finding-states.ts";
import type { HistoryDocument, HistoryFinding, HistoryRun } from "./history-types.ts";
import { runsSeenBy } from "./sightings.ts";

/** The fields of a report's finding the history reads. */
export type RunFinding = Pick<
  DriftFinding,
  "fingerprint" | "check" | "operation" | "status" | "pointer" | "keyword" | "severity" | "count"
>;

/** The run of this report as the history keeps it; `specHash` names the spec it judged by. */
export function runOf(report: DriftReport, specHash: string): HistoryRun {
  const plan: HistoryRun["plan"] = {};
  for (const { check, operation, exercised } of report.plan) {
    if (exercised) plan[check] = [...(plan[check] ?? []), operation];
  }
  return {
    startedAt: report.startedAt,
    target: report.target,
    toolVersion: report.tool.version,
    specHash,
    verdict: verdictOf(report),
    complete: report.summary.errors === 0 && report.recording?.judged !== 0,
    plan,
    seen: report.findings.map((finding) => finding.fingerprint),
    counts: report.findings.map((finding) => finding.count),
  };
}

/** What the history says of a run: each of its findings' history, the findings it resolved, and the runs kept. */
export interface RunHistory {
  findings: Map<string, FindingHistory>;
  resolved: ResolvedFinding[];
  runsKept: number;
}

/** Judges `run` (not yet in `history`) and its findings against the runs before it; `keep` runs are kept with it. */
export function judgeRun(
  history: HistoryDocument,
  run: HistoryRun,
  findings: readonly RunFinding[],
  keep: number,
): RunHistory {
  const runs = [...history.runs, run];
  const comparable = comparableRuns(runs, run);
  const kept = runs.slice(-keep);
  const runsSeen = runsSeenBy(kept);
  const judged = new Map<string, FindingHistory>();
  for (const finding of findings) {
    const { fingerprint } = finding;
    const known = Object.hasOwn(history.findings, fingerprint) ? history.findings[fingerprint] : undefined;
    const state = known ? stateOf(recentObservations(runs, comparable, fingerprint, finding), true) : "new";
    judged.set(fingerprint, {
      state,
      firstSeen: known && known.firstSeen < run.startedAt ? known.firstSeen : run.startedAt,
      runsSeen: runsSeen.get(fingerprint) ?? 0,
      runsKept: kept.length,
    });
  }
  return { findings: judged, resolved: resolvedBy(history, run, comparable), runsKept: kept.length };
}

/**
 * The findings the previous run that observed them saw, and `run` shows absent. Every fingerprint a run saw is one of
 * the history's findings, so those are the candidates.
 */
function resolvedBy(history: HistoryDocument, run: HistoryRun, comparable: readonly boolean[]): ResolvedFinding[] {
  const resolved: ResolvedFinding[] = [];
  for (const [fingerprint, finding] of Object.entries(history.findings)) {
    if (observe(run, true, fingerprint, finding) !== "absent") continue;
    if (latestObservation(history.runs, comparable, fingerprint, finding) !== "present") continue;
    resolved.push({ fingerprint, ...finding });
  }
  return resolved.sort(findingOrder);
}

/** The latest observation of the finding in `runs` that is evidence either way, if any. */
function latestObservation(
  runs: readonly HistoryRun[],
  comparable: readonly boolean[],
  fingerprint: string,
  finding: HistoryFinding,
): Observation | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    const observation = observe(runs[i]!, comparable[i]!, fingerprint, finding);
    if (observation !== "unobserved") return observation;
  }
  return undefined;
}

/** The history with `run` recorded: its findings added or brought up to date, the oldest runs past `keep` pruned. */
export function withRun(
  history: HistoryDocument,
  run: HistoryRun,
  findings: readonly RunFinding[],
  keep: number,
): HistoryDocument {
  const dictionary = { ...history.findings };
  for (const { fingerprint, check, operation, status, pointer, keyword, severity } of findings) {
    const known = Object.hasOwn(dictionary, fingerprint) ? dictionary[fingerprint] : undefined;
    // Runs are recorded as they end: one that started earlier may be recorded later.
    const lastSeen = known && known.lastSeen > run.startedAt ? known.lastSeen : run.startedAt;
    const firstSeen = known && known.firstSeen < run.startedAt ? known.firstSeen : run.startedAt;
    dictionary[fingerprint] = { check, operation, status, pointer, keyword, severity, firstSeen, lastSeen };
  }
  return { ...history, findings: dictionary, runs: [...history.runs, run].slice(-keep) };
}

const SEVERITY_ORDER = { breaking: 0, additive: 1 } as const;

/** Breaking first, then by check in table order, operation, status and pointer. */
export function findingOrder(a: Omit<HistoryFinding, "firstSeen" | "lastSeen">, b: typeof a): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    CHECK_NAMES.indexOf(a.check) - CHECK_NAMES.indexOf(b.check) ||
    (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0) ||
    (a.status ?? -1) - (b.status ?? -1) ||
    (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)
  );
}
