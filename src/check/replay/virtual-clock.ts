// A replay's clock: it starts at the recorded run's start (its pin) and moves only when the tour waits, at once, so a
// Retry-After or a rate is honoured in the tour's own terms without waiting for real.
export function virtualClock(start: number): {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
} {
  let time = start;
  return {
    now: () => time,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      time += Math.max(0, ms);
    },
  };
}
