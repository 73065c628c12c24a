// The drift check's defaults and bounds: read by the tour's stages, the `check` command's flags and its help text.
import { CLIENT_DEFAULTS, type NumericDefault } from "../client/defaults.ts";

export const TOUR_DEFAULTS = {
  /** Pages read per listing. */
  pages: { value: 3, min: 1, max: 100 },
  /** Ids seen in the listings fetched one by one, per get-by-id operation. */
  sample: { value: 5, min: 0, max: 100 },
  /** Requests the tour may send, 429 retries included. */
  maxRequests: { value: 60, min: 1, max: 10_000 },
  /** Probes in flight at once; the report keeps the plan's order whatever the completion order. */
  concurrency: { value: 4, min: 1, max: 32 },
  /** Per-request timeout (the no-credentials request's too), in milliseconds. */
  timeoutMs: CLIENT_DEFAULTS.timeoutMs,
} as const satisfies Record<string, NumericDefault>;

/** The bounds of a tour's seed (`seed`, `--seed`): without one, a random seed in them, reported. */
export const SEED_RANGE = { min: 0, max: 2 ** 32 - 1 } as const;

/** The bounds of the least coverage a run accepts (`minCoverage`, `--min-coverage`), in percent; without one, none. */
export const MIN_COVERAGE = { min: 0, max: 100 } as const;
