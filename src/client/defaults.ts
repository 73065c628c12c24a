// The client's defaults and bounds: one row per numeric option, read by the option checks, the CLI flags and their
// help text, so none of them can disagree.

/** A numeric setting: its default and the range a caller may choose from. */
export interface NumericDefault {
  value: number;
  min: number;
  max: number;
}

/** Default `maxBodyBytes`: a 1000-log page of the spec's example logs is about 0.5 MB, so some sixty of them fit. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export const CLIENT_DEFAULTS = {
  /** Limit for each attempt, body included, in milliseconds. */
  timeoutMs: { value: 30_000, min: 1, max: 600_000 },
  /** Retries of a GET after 429/500/502/503/504, a network error or a timeout. */
  retries: { value: 2, min: 0, max: 10 },
  /** Back-off base before retry n: a random delay in [0, min(maxMs, baseMs·2ⁿ)]. */
  retryBaseMs: { value: 250, min: 0, max: 60_000 },
  retryMaxMs: { value: 8_000, min: 0, max: 600_000 },
  /** The longest `Retry-After` waited for. */
  maxRetryAfterMs: { value: 60_000, min: 0, max: 3_600_000 },
  /** The largest body read, after decompression; decoding stays well under V8's largest string (2^29 - 24). */
  maxBodyBytes: { value: DEFAULT_MAX_BODY_BYTES, min: 1, max: 256 * 1024 * 1024 },
} as const satisfies Record<string, NumericDefault>;
