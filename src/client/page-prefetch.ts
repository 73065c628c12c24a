// One page requested ahead of the consumer: its own abort controller (tied to the caller's signal while it runs), and
// a rejection that is always handled, so a page nobody reads again never surfaces as an unhandled rejection.
import type { Exchange } from "./exchange.ts";

export class PagePrefetch {
  private readonly controller = new AbortController();
  private readonly onCallerAbort = () => this.controller.abort(this.callerSignal?.reason);
  /** Settles when the request has ended, whatever its outcome: nothing of it is left running after this. */
  readonly settled: Promise<void>;
  readonly page: Promise<Exchange>;

  constructor(
    fetchPage: (url: string, signal: AbortSignal) => Promise<Exchange>,
    url: string,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    if (callerSignal?.aborted) this.controller.abort(callerSignal.reason);
    else callerSignal?.addEventListener("abort", this.onCallerAbort, { once: true });
    this.page = fetchPage(url, this.controller.signal);
    this.settled = this.page.then(
      () => this.release(),
      () => this.release(),
    );
  }

  /** Aborts the request if it still runs and waits until it has ended. */
  async cancel(): Promise<void> {
    this.controller.abort();
    await this.settled;
  }

  private release(): void {
    this.callerSignal?.removeEventListener("abort", this.onCallerAbort);
  }
}
