// The state of one tour, passed from stage to stage: its settings, the checks that run, the request budget, the report
// being built, and what the listings saw. Made once by startTour; the stages add to it and read from it.
import type { VideoLogsClient } from "../../client/create-client.ts";
import { type CheckName, selectChecks } from "../../findings/checks.ts";
import type { OperationId } from "../../operations/operation-table.ts";
import { ReportBuilder } from "../report-builder.ts";
import type { DriftCheckOptions } from "../run-drift-check.ts";
import { runnableChecks } from "../runnable-checks.ts";
import { TourBudget } from "../tour-budget.ts";
import { TOUR_DEFAULTS } from "../tour-defaults.ts";
import { randomSeed } from "./seeded-choice.ts";
import { SEND, type TourTransport } from "./tour-transport.ts";

export interface Tour {
  options: DriftCheckOptions;
  client: VideoLogsClient;
  /** The settings, defaults applied. */
  pages: number;
  sample: number;
  maxRequests: number;
  concurrency: number;
  timeoutMs: number;
  /** The target is a Prism mock: it gets status hints, and the checks a static mock cannot run are skipped. */
  mock: boolean;
  /** Send the no-credentials probe. */
  noCredentials: boolean;
  /** The checks that run. */
  active: ReadonlySet<CheckName>;
  budget: TourBudget;
  /** Finishes each request's result and collects the tour's notes. */
  report: ReportBuilder;
  /** The `created_before`-style instant every listing is read under: the tour's start. */
  pin: string;
  /** Items each list operation's listings showed, by id, as first shown. */
  seen: Map<OperationId, Map<string, unknown>>;
  /** Planned requests (or listing pages) the budget left out. */
  unsent: number;
  /** Every random choice of the tour is drawn from it (seeded-choice.ts). */
  seed: number;
  /** How each request reaches a server: sent, recorded, or answered from a recording. */
  transport: TourTransport;
}

export function startTour(options: DriftCheckOptions): Tour {
  const now = options.now ?? Date.now;
  const mock = options.target.kind === "mock" || options.preferStatusHints === true;
  const selected = selectChecks(options.checks, options.skipChecks);
  const { active, skipped } = runnableChecks(selected, mock ? "static-mock" : "server");
  const report = new ReportBuilder({
    target: options.target,
    strict: options.strict ?? false,
    active,
    skipped,
    redact: (text) => options.client.redact(text),
    onResult: options.onResult ?? options.onCheck,
    now,
    minCoverage: options.minCoverage,
  });
  const wantsNoCredentials = options.noCredentialsProbe ?? options.wrongCredentialsClient !== undefined;
  if (mock && active.has("authentication") && wantsNoCredentials) {
    report.notes.push(
      "authentication: the no-credentials request is not sent to a static mock (it cannot play a 401 without a status hint)",
    );
  }
  const maxRequests = options.maxRequests ?? TOUR_DEFAULTS.maxRequests.value;
  return {
    options,
    client: options.client,
    pages: options.pages ?? TOUR_DEFAULTS.pages.value,
    sample: options.sample ?? TOUR_DEFAULTS.sample.value,
    maxRequests,
    concurrency: options.concurrency ?? TOUR_DEFAULTS.concurrency.value,
    timeoutMs: options.timeoutMs ?? TOUR_DEFAULTS.timeoutMs.value,
    mock,
    noCredentials: wantsNoCredentials && !mock,
    active,
    budget: new TourBudget({ maxRequests, ratePerSecond: options.ratePerSecond, now, sleep: options.sleep }),
    report,
    pin: options.pin ?? report.startedAt,
    seen: new Map(),
    unsent: 0,
    seed: options.seed ?? randomSeed(),
    transport: options.transport ?? SEND,
  };
}

/** Keeps the items a listing showed, by id, the first showing of each. */
export function rememberListed(tour: Tour, operationId: OperationId, items: readonly unknown[]): void {
  const byId = tour.seen.get(operationId) ?? new Map<string, unknown>();
  for (const item of items) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string" && !byId.has(id)) byId.set(id, item);
  }
  tour.seen.set(operationId, byId);
}
