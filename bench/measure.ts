// Small timing helpers for the benchmark: medians over rounds, never asserted anywhere.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `iterations` times per round and returns the median time per call, in microseconds. */
export async function timePerCall(fn: () => unknown, { rounds, iterations }: { rounds: number; iterations: number }): Promise<number> {
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    perRound.push(((performance.now() - started) * 1000) / iterations);
  }
  return median(perRound);
}

/**
 * Times two contenders in alternating rounds so that drift in machine load hits both alike; returns the medians and
 * the median of the per-round ratios.
 */
export async function compare(
  subject: () => unknown,
  baseline: () => unknown,
  { rounds, iterations, warmup }: { rounds: number; iterations: number; warmup: number },
): Promise<{ subjectUs: number; baselineUs: number; ratio: number }> {
  for (let i = 0; i < warmup; i++) {
    await subject();
    await baseline();
  }
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const s = await timePerCall(subject, { rounds: 1, iterations });
    const b = await timePerCall(baseline, { rounds: 1, iterations });
    subjectTimes.push(s);
    baselineTimes.push(b);
    ratios.push(s / b);
  }
  return { subjectUs: median(subjectTimes), baselineUs: median(baselineTimes), ratio: median(ratios) };
}
