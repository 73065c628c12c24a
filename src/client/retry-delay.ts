// When to try again: full-jitter exponential backoff, or the server's Retry-After.
import { parseHttpDate } from "./http-date.ts";

/** Statuses worth retrying for an idempotent GET. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Reads `Retry-After` as milliseconds from `now`: delta-seconds (a non-negative integer) or an HTTP-date in one of
 * RFC 9110's three forms. Undefined when absent or anything else (`-1`, `1.5`, `+5`, `1, 2`…): the normal back-off
 * applies then.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** A random delay in [0, min(maxMs, baseMs·2^attempt)] — "full jitter" — for attempt 0, 1, 2… */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
