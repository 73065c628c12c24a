// Which fingerprints a run saw, as a set built once per run (a run keeps them as an array, which JSON reads fast), and
// how many runs saw each fingerprint, in one pass.
import type { HistoryRun } from "./history-types.ts";

const seenSets = new WeakMap<HistoryRun, ReadonlySet<string>>();

/** Whether `run` saw the finding `fingerprint`. */
export function sawIt(run: HistoryRun, fingerprint: string): boolean {
  let seen = seenSets.get(run);
  if (seen === undefined) {
    seen = new Set(run.seen);
    seenSets.set(run, seen);
  }
  return seen.has(fingerprint);
}

/** How many of `runs` saw each fingerprint. */
export function runsSeenBy(runs: readonly HistoryRun[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of runs)
    for (const fingerprint of run.seen) counts.set(fingerprint, (counts.get(fingerprint) ?? 0) + 1);
  return counts;
}
