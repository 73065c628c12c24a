// The drift history's defaults and bounds: read by the history's code, `check --history-keep` and its help text.
import type { NumericDefault } from "../client/defaults.ts";

export const HISTORY_DEFAULTS = {
  /** Runs a history keeps: the oldest are pruned past it (the findings' first-seen times are kept). */
  keep: { value: 200, min: 1, max: 10_000 },
} as const satisfies Record<string, NumericDefault>;

export const HISTORY_LIMITS = {
  /** The largest history file read, 256 MiB; a larger one is refused (and left as it is). */
  maxBytes: 256 * 1024 * 1024,
  /** A lock older than this is stale: its writer is taken to have died, and another may take it over. */
  lockStaleMs: 60_000,
  /** How often a writer that waits for the lock looks again. */
  lockPollMs: 50,
  /** A finding flaps when it appeared and disappeared at least twice in this many runs (the last one included). */
  flapWindow: 10,
  /** Runs shown by `video-logs history`, one character each. */
  stripRuns: 30,
} as const;
