// What one run says of a finding, and the state that follows from the runs that observed it. A run observes a finding
// only when it is comparable (same target, same spec): then it is present if the run saw it, and absent if the run was
// complete and ran the finding's check on its operation. Anything else is no evidence either way.
import type { FindingState } from "../findings/finding-history.ts";
import { describeTarget } from "../report/report-types.ts";
import { HISTORY_LIMITS } from "./history-defaults.ts";
import type { HistoryRun } from "./history-types.ts";
import { sawIt } from "./sightings.ts";

/** `present`: the run saw it; `absent`: the run is evidence it was not there; `unobserved`: neither. */
export type Observation = "present" | "absent" | "unobserved";

/** Whether each run has the target and the spec of `reference`: the runs whose evidence counts for it. */
export function comparableRuns(runs: readonly HistoryRun[], reference: Pick<HistoryRun, "target" | "specHash">) {
  const target = describeTarget(reference.target);
  return runs.map((run) => run.specHash === reference.specHash && describeTarget(run.target) === target);
}

/** What `run` (comparable or not) says of the finding `fingerprint` of this check and operation. */
export function observe(
  run: HistoryRun,
  comparable: boolean,
  fingerprint: string,
  finding: { check: string; operation: string },
): Observation {
  if (!comparable) return "unobserved";
  if (sawIt(run, fingerprint)) return "present";
  const ran = (run.plan as Record<string, string[] | undefined>)[finding.check]?.includes(finding.operation) === true;
  return run.complete && ran ? "absent" : "unobserved";
}

/**
 * The state of a finding present in the last run of `observations` (one per run, oldest first): `new` unless it was
 * seen before; `flapping` when it appeared and disappeared at least twice in the last runs; else `regressed` when the
 * previous run that observed it shows it absent, `recurring` when present (or when no earlier run observed it).
 */
export function stateOf(observations: readonly Observation[], seenBefore: boolean): FindingState {
  if (!seenBefore) return "new";
  if (flaps(observations.slice(-HISTORY_LIMITS.flapWindow))) return "flapping";
  return previousObservation(observations, observations.length - 1) === "absent" ? "regressed" : "recurring";
}

/**
 * What stateOf needs of a finding's observations: the last runs' (as many as flapping reads), preceded, when none of
 * them before the last observed it, by the latest earlier observation that is evidence either way.
 */
export function recentObservations(
  runs: readonly HistoryRun[],
  comparable: readonly boolean[],
  fingerprint: string,
  finding: { check: string; operation: string },
): Observation[] {
  const from = Math.max(0, runs.length - HISTORY_LIMITS.flapWindow);
  const recent: Observation[] = [];
  for (let i = from; i < runs.length; i++) recent.push(observe(runs[i]!, comparable[i]!, fingerprint, finding));
  if (previousObservation(recent, recent.length - 1) !== undefined) return recent;
  for (let i = from - 1; i >= 0; i--) {
    const observation = observe(runs[i]!, comparable[i]!, fingerprint, finding);
    if (observation !== "unobserved") return [observation, ...recent];
  }
  return recent;
}

/** The latest observation before index `before` that is evidence either way, if any. */
export function previousObservation(observations: readonly Observation[], before: number): Observation | undefined {
  for (let i = before - 1; i >= 0; i--) if (observations[i] !== "unobserved") return observations[i];
  return undefined;
}

/** Appeared (absent, then present) at least twice and disappeared (present, then absent) at least twice. */
export function flaps(observations: readonly Observation[]): boolean {
  let appeared = 0;
  let disappeared = 0;
  let last: Observation | undefined;
  for (const observation of observations) {
    if (observation === "unobserved") continue;
    if (last === "absent" && observation === "present") appeared++;
    if (last === "present" && observation === "absent") disappeared++;
    last = observation;
  }
  return appeared >= 2 && disappeared >= 2;
}
