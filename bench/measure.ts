// Small timing helpers for the benchmark: medians over rounds, never asserted anywhere.

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0 ≤ q ≤ 1) of `values`, interpolated between the two nearest ranks. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

/** One block of calls: wall time and this process's CPU time, in microseconds per call. */
export interface BlockTime {
  wallUs: number;
  cpuUs: number;
}

async function timeBlock(fn: () => unknown, iterations: number): Promise<BlockTime> {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  const wallUs = ((performance.now() - started) * 1000) / iterations;
  const cpu = process.cpuUsage(cpuStarted);
  return { wallUs, cpuUs: (cpu.user + cpu.system) / iterations };
}

/**
 * Times contenders in interleaved rounds: every round runs each contender once for `iterations` calls, in an order
 * that rotates from round to round, so that drift in machine load hits all alike. Short blocks follow the load more
 * closely; no collection is forced between them, so each contender's garbage is mostly collected in its own blocks.
 * Returns each contender's times per call, per round.
 */
export async function interleavedRounds<Name extends string>(
  contenders: Record<Name, () => unknown>,
  { rounds, iterations, warmup }: { rounds: number; iterations: number; warmup: number },
): Promise<Record<Name, BlockTime[]>> {
  const names = Object.keys(contenders) as Name[];
  for (let i = 0; i < warmup; i++) for (const name of names) await contenders[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as BlockTime[]])) as Record<Name, BlockTime[]>;
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      times[name].push(await timeBlock(contenders[name], iterations));
    }
  }
  return times;
}

export interface Comparison {
  subjectUs: number;
  baselineUs: number;
  /** The median of the per-round ratios subject / baseline. */
  ratio: number;
  /** The quartiles of the per-round ratios: how much the rounds agree. */
  ratioLow: number;
  ratioHigh: number;
}

/** Medians and the per-round ratios of two series timed in the same rounds, by wall time or by this process's CPU time. */
export function comparison(subject: BlockTime[], baseline: BlockTime[], by: keyof BlockTime = "wallUs"): Comparison {
  const ratios = subject.map((s, i) => s[by] / baseline[i]![by]);
  return {
    subjectUs: median(subject.map((s) => s[by])),
    baselineUs: median(baseline.map((b) => b[by])),
    ratio: median(ratios),
    ratioLow: quantile(ratios, 0.25),
    ratioHigh: quantile(ratios, 0.75),
  };
}

/** Times two contenders in interleaved rounds (see interleavedRounds), by wall time. */
export async function compare(
  subject: () => unknown,
  baseline: () => unknown,
  options: { rounds: number; iterations: number; warmup: number },
): Promise<Comparison> {
  const times = await interleavedRounds({ subject, baseline }, options);
  return comparison(times.subject, times.baseline);
}
