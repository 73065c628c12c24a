// The drift check: a short, gentle tour of the API planned from the spec, as a pipeline of stages over one Tour
// (tour/tour.ts): plan (tour/plan-tour.ts) → run, listings and single requests in one bounded pool (tour/run-pool.ts,
// tour/run-listing.ts, tour/probe-runs.ts) → judge each response as it comes (judge-conformance.ts,
// tour/judge-page.ts, compare-listed-item.ts) → finish (tour/finish-tour.ts) → build the report (report-builder.ts).
import type { VideoLogsClient } from "../client/create-client.ts";
import type { Exchange } from "../client/exchange.ts";
import type { CheckName } from "../findings/checks.ts";
import type { DriftReport, ExchangeResult, ServerTarget } from "../report/report-types.ts";
import { interruptionOf } from "./interruption.ts";
import { filteredListings } from "./tour/filter-listings.ts";
import { finishTour } from "./tour/finish-tour.ts";
import { planTour } from "./tour/plan-tour.ts";
import { probeRuns } from "./tour/probe-runs.ts";
import { runListing } from "./tour/run-listing.ts";
import { runInOnePool } from "./tour/run-pool.ts";
import { rememberListed, startTour } from "./tour/tour.ts";
import type { TourTransport } from "./tour/tour-transport.ts";

export interface DriftCheckOptions {
  /**
   * The client of the target, made with `retries: 0` so that a flaky 5xx shows (the tour retries only a 429, after
   * its Retry-After). The check judges every response strictly, whatever the client's validation mode.
   */
  client: VideoLogsClient;
  /** A client with deliberately wrong credentials for the 401 probe; omit to skip the probe. */
  wrongCredentialsClient?: VideoLogsClient;
  /** The fetch the no-credentials probe is sent with (it has no client): the clients' own, e.g. a proxy's. Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Send the no-credentials probe (expects 401). Default: true when `wrongCredentialsClient` is given. */
  noCredentialsProbe?: boolean;
  target: ServerTarget;
  /** Pages to read per listing. Default 3 (TOUR_DEFAULTS). */
  pages?: number;
  /** How many of the ids seen to fetch one by one, per get-by-id operation. Default 5. */
  sample?: number;
  /** Additive drift counts as failure. */
  strict?: boolean;
  /** The checks to run (default all); see CHECKS. */
  checks?: readonly CheckName[];
  /** Checks not to run. */
  skipChecks?: readonly CheckName[];
  /** Requests the tour may send, 429 retries included. Default 60. */
  maxRequests?: number;
  /** Request starts per second. Default: no limit. */
  ratePerSecond?: number;
  /**
   * @deprecated A target of kind `mock` is treated as a Prism mock (status hints sent with `Prefer: code=…`, the checks
   * a static mock cannot run skipped); `true` here does the same for any target. Removed at 1.0.
   */
  preferStatusHints?: boolean;
  /** How many probes run at once. Default 4. The report keeps the plan's order whatever the completion order. */
  concurrency?: number;
  /** Timeout of the no-credentials request, in ms. Default 30000. */
  timeoutMs?: number;
  /** The least coverage, in percent (0 to 100), the check `coverage` accepts; below it the run fails. Default: none. */
  minCoverage?: number;
  /**
   * The instant the listings are pinned at (their `created_before`-style filter), as ISO 8601. Default: the tour's
   * start. `check --record` writes it; `check --replay` gives the recorded one.
   */
  pin?: string;
  /** Every random choice of the tour (an unknown id) is drawn from it; reported. Default: a random seed. */
  seed?: number;
  /**
   * How each request reaches the server, with its probe's identity: `check --record` writes each exchange, `check
   * --replay` answers each from a recording (replay/). Default: sent.
   */
  transport?: TourTransport;
  /** Called once per request's result, when it is final, for progress output. */
  onResult?: (result: ExchangeResult, done: number) => void;
  /** @deprecated Use onResult ("check" names a named check only). Removed at 1.0. */
  onCheck?: (result: ExchangeResult, done: number) => void;
  /**
   * Called once for every response judged for conformance, with the exchange as received (its redactor is the real
   * client's). With concurrency the call order varies: a consumer aggregates, then sorts.
   */
  onExchange?: (exchange: Exchange) => void;
  /**
   * Interrupts the tour: it stops sending, cuts the requests under way, and resolves with a report of every response
   * judged before, marked `interrupted` with the signal's reason.
   */
  signal?: AbortSignal;
  /** The clock (the tour's `created_before` pin, Retry-After dates, the rate). Default Date.now. */
  now?: () => number;
  /** How to wait for a Retry-After or the rate. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export async function runDriftCheck(options: DriftCheckOptions): Promise<DriftReport> {
  const tour = startTour(options);
  const plan = planTour(tour);
  // Each single probe's requests, by its place in the plan; the sampled items wait for the ids the listings show.
  const waitsForListings = (kind: string) => kind === "sampled-item";

  // 1. The listings, in one pool with the single requests that need nothing from them.
  const independent = plan.singles.map((probe) => (waitsForListings(probe.kind) ? [] : probeRuns(tour, probe)));
  const first = await runInOnePool(
    tour,
    plan.listings.map((probe) => () => runListing(tour, probe.operationId, "page", probe.query)),
    independent,
  );
  plan.listings.forEach((probe, index) => {
    rememberListed(tour, probe.operationId, first.listed[index]!.items);
  });

  // 2. The listings filtered by values from what the listings showed, in one pool with the items sampled from them;
  // none once the tour is interrupted: what the listings showed is not all they would have.
  const interrupted = options.signal?.aborted === true;
  const sampled = plan.singles.map((probe) =>
    waitsForListings(probe.kind) && !interrupted ? probeRuns(tour, probe) : [],
  );
  const second = await runInOnePool(
    tour,
    interrupted
      ? []
      : filteredListings(tour, plan.filtered).map(
          (listing) => () => runListing(tour, listing.operationId, "filtered-page", listing.query),
        ),
    sampled,
  );

  // 3. Every result in the plan's order, whichever pool ran it; then the tour's own notes and the report.
  const singles = plan.singles.flatMap((probe, index) =>
    (waitsForListings(probe.kind) ? second.singles[index]! : first.singles[index]!).filter(
      (result): result is ExchangeResult => result !== undefined,
    ),
  );
  const results = [...first.listed, ...second.listed].flatMap((listed) => listed.results).concat(singles);
  finishTour(tour, results);
  const cut = interruptionOf(options.signal);
  return tour.report.build(results, { requests: tour.budget.sent, interrupted: cut, seed: tour.seed });
}
