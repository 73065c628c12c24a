// How many requests the tour may send and how fast: every attempt counts, a 429 retried after its Retry-After
// included. 5xx answers are never retried here (the check's client is made with retries: 0), so a flaky server shows.
import { parseRetryAfter } from "../client/retry-delay.ts";

/** The tour stopped sending: the request budget is spent. */
export class BudgetExhausted extends Error {
  constructor(readonly maxRequests: number) {
    super(`the request budget of ${maxRequests} is spent`);
  }
}

export interface TourBudgetOptions {
  /** Requests the whole tour may send, retries included. */
  maxRequests: number;
  /** Request starts per second; undefined for no limit. */
  ratePerSecond?: number;
  /** The longest Retry-After honoured; a 429 asking for more is reported as it came. Default 60 s. */
  maxRetryAfterMs?: number;
  /** How many times one request is sent again after a 429. Default 3. */
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
  });

export class TourBudget {
  /** Requests sent so far, retries included. */
  sent = 0;
  /** Requests sent again after a 429. */
  retried = 0;
  private nextStart = Number.NEGATIVE_INFINITY;
  /** No request starts before this time: a Retry-After honoured holds back every worker, not only the one refused. */
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: TourBudgetOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  get exhausted(): boolean {
    return this.sent >= this.options.maxRequests;
  }

  /** Sends through `attempt`, within the budget and the rate, again after a 429 with a Retry-After it can honour. */
  async send<T extends { response: Response }>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let retry = 0; ; retry++) {
      await this.slot(signal);
      const result = await attempt();
      if (result.response.status !== 429 || retry >= (this.options.maxRetries ?? 3)) return result;
      const wait = parseRetryAfter(result.response.headers.get("retry-after"), this.now());
      if (wait === undefined || wait > (this.options.maxRetryAfterMs ?? 60_000) || this.exhausted) return result;
      this.pausedUntil = Math.max(this.pausedUntil, this.now() + wait);
      this.retried++;
    }
  }

  /** Takes one request from the budget, waiting out any Retry-After pause, then its turn under the rate. */
  private async slot(signal?: AbortSignal): Promise<void> {
    // An interrupted tour starts nothing more.
    signal?.throwIfAborted();
    // A pause may be lengthened while a worker waits (another 429): wait again for as long as it was lengthened.
    for (
      let waited = Number.NEGATIVE_INFINITY, now = this.now();
      this.pausedUntil > waited && this.pausedUntil > now;
      now = this.now()
    ) {
      waited = this.pausedUntil;
      await this.sleep(waited - now, signal);
    }
    if (this.exhausted) throw new BudgetExhausted(this.options.maxRequests);
    this.sent++;
    const rate = this.options.ratePerSecond;
    if (!rate) return;
    const now = this.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / rate;
    if (start > now) await this.sleep(start - now, signal);
  }
}
