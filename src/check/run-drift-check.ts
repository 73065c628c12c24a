// The drift check: a short, gentle tour of the API planned from the spec (plan-probes.ts). This file is the executor:
// it runs the planned probes stage by stage (listings, then listings filtered by values from what they saw, then
// single requests) with bounded concurrency and within the request budget, names every finding by its check, and
// reports each request once its result is final, in plan order.
import { randomUUID } from "node:crypto";
import { redactorOf, type VideoLogsClient } from "../client/create-client.ts";
import { type Exchange, operationUrl, parseExchangeBody } from "../client/exchange.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../client/options.ts";
import { type PageStep, walkPages } from "../client/page-walk.ts";
import { isUuidText } from "../client/uuid-text.ts";
import { isVideoLogsError } from "../errors/video-logs-error.ts";
import { type CheckName, selectChecks } from "../findings/checks.ts";
import { behaviourFinding, type Finding, foundBy } from "../findings/finding.ts";
import type { ProbeKind } from "../findings/probe-kind.ts";
import { type OperationId, operationOf } from "../operations/operation-table.ts";
import { type DriftReport, type ExchangeResult, REPORT_VERSION, type ServerTarget } from "../report/report-types.ts";
import { VERSION } from "../version.ts";
import { anonymousExchange } from "./anonymous-exchange.ts";
import { compareListedItem } from "./compare-listed-item.ts";
import { type ProbeRequest, resultFromExchange, resultFromFailure } from "./exchange-result.ts";
import { chooseFilterValues } from "./filter-values.ts";
import { judgeConformance } from "./judge-conformance.ts";
import { pageBreaksQuery } from "./listing-filters.ts";
import { mapInOrder } from "./map-in-order.ts";
import { planProbes, tourPageSize } from "./plan-probes.ts";
import { EXPECTED_STATUS, type Probe } from "./probe.ts";
import { redactResult } from "./redact-result.ts";
import { staticMockShortfall } from "./static-mock-shortfall.ts";
import { BudgetExhausted, TourBudget } from "./tour-budget.ts";

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
  /** Pages to read per listing. Default 3. */
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
   * Ask the server, with a `Prefer: code=…` header, for the status a probe expects. Only a Prism mock understands
   * it; it lets the mock play the 404 and 401 scenarios it cannot know about. A static mock cannot honour parameters,
   * keep its data consistent or reject invalid values, so those checks are skipped with a note.
   */
  preferStatusHints?: boolean;
  /** How many probes run at once. Default 4. The report keeps the plan's order whatever the completion order. */
  concurrency?: number;
  /** Timeout of the no-credentials request, in ms. Default 30000. */
  timeoutMs?: number;
  /** Called once per check, when it is final, for progress output. */
  onCheck?: (check: ExchangeResult, done: number) => void;
  /**
   * Called once for every response judged for conformance, with the exchange as received (its redactor is the real
   * client's). With concurrency the call order varies: a consumer aggregates, then sorts.
   */
  onExchange?: (exchange: Exchange) => void;
  signal?: AbortSignal;
  /** The clock (the tour's `created_before` pin, Retry-After dates, the rate). Default Date.now. */
  now?: () => number;
  /** How to wait for a Retry-After or the rate. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The checks a static mock cannot satisfy. */
const STATIC_MOCK_CANNOT: readonly CheckName[] = [
  "parameters-honoured",
  "pagination-integrity",
  "cross-endpoint-consistency",
  "negative-data",
];

/** `include_deleted=true` style, for the names people read. */
const describeQuery = (query: Record<string, unknown>) => {
  const pairs = Object.entries(query).map(([name, value]) => `${name}=${String(value)}`);
  return pairs.length > 0 ? ` (${pairs.join(", ")})` : "";
};

/** Probes run at once unless told otherwise. */
export const DEFAULT_CONCURRENCY = 4;

export async function runDriftCheck(options: DriftCheckOptions): Promise<DriftReport> {
  const { client, pages = 3, sample = 5, strict = false, signal, concurrency = DEFAULT_CONCURRENCY } = options;
  const wrong = options.wrongCredentialsClient;
  const now = options.now ?? Date.now;
  const startedAt = new Date(now());
  const staticMock = options.preferStatusHints === true;
  const selected = selectChecks(options.checks, options.skipChecks);
  const skipped: DriftReport["skipped"] = [];
  const notes: string[] = [];
  if (staticMock) {
    for (const check of STATIC_MOCK_CANNOT.filter((name) => selected.includes(name))) {
      skipped.push({
        check,
        reason:
          "a static mock answers with its examples: it cannot honour parameters, keep data consistent or reject invalid values",
      });
    }
  }
  const active = new Set(selected.filter((name) => !skipped.some((skip) => skip.check === name)));
  const noCredentials = (options.noCredentialsProbe ?? wrong !== undefined) && !staticMock;
  if (staticMock && active.has("authentication") && (options.noCredentialsProbe ?? wrong !== undefined)) {
    notes.push(
      "authentication: the no-credentials request is not sent to a static mock (it cannot play a 401 without a status hint)",
    );
  }
  const budget = new TourBudget({
    maxRequests: options.maxRequests ?? 60,
    ratePerSecond: options.ratePerSecond,
    now,
    sleep: options.sleep,
  });
  let done = 0;
  /** Requests (or listings) the budget left out. */
  let unsent = 0;
  // Items seen per list operation, by id, as the listings first showed them.
  const seen = new Map<string, Map<string, unknown>>();

  const pin = startedAt.toISOString();
  const plan = planProbes({ authProbe: wrong !== undefined, noCredentialsProbe: noCredentials, pin }).filter((probe) =>
    probe.serves.some((check) => active.has(check)),
  );

  function expectedFor(kind: ProbeKind, operationId: OperationId): number[] {
    const expected = EXPECTED_STATUS[kind];
    if (typeof expected === "number") return [expected];
    const declared = operationOf(operationId).statuses.map(Number);
    if (expected === "any") return declared;
    // A declared refusal of the request itself: any declared 4xx but the credential ones (the credentials are good).
    const refusals = declared.filter((status) => status >= 400 && status < 500 && status !== 401 && status !== 403);
    return refusals.length > 0 ? refusals : declared.filter((status) => status >= 400 && status < 500);
  }

  function request(kind: ProbeKind, operation: OperationId, name: string): ProbeRequest {
    const expectedStatus = expectedFor(kind, operation);
    const hint: Record<string, string> =
      staticMock && expectedStatus.length === 1 && expectedStatus[0] !== 200
        ? { Prefer: `code=${expectedStatus[0]}` }
        : {};
    const auth = kind === "wrong-credentials" ? "wrong" : kind === "no-credentials" ? "none" : "env";
    return { name, kind, operation, expectedStatus, auth, headers: hint };
  }

  /** Keeps the findings of the checks that run; reports the check with credentials scrubbed. */
  function final(check: ExchangeResult): ExchangeResult {
    const violations = (check.violations as Finding[]).filter((finding) => active.has(finding.check));
    const redacted = redactResult(
      { ...check, violations, passed: check.error === undefined && violations.length === 0 },
      (text) => client.redact(text),
    );
    options.onCheck?.(redacted, ++done);
    return redacted;
  }

  /**
   * The wrong-credentials and no-credentials requests do not know the real credentials; a server may still reflect
   * them. Every exchange is read again with the real client's redactor, so nothing is cut before those are removed.
   */
  function withOurRedactor(exchange: Exchange): Exchange {
    const redactor = redactorOf(client);
    return exchange.redactor === redactor
      ? exchange
      : { ...exchange, redactor, parsed: parseExchangeBody(exchange.bytes, redactor) };
  }

  const send = (operationId: OperationId, url: string, headers: Record<string, string>) =>
    budget.send(() => client.exchangeUrl(operationId, url, { headers, signal, validation: "strict" }), signal);

  /** A check from an exchange, or from why no response came; undefined when the budget is spent. */
  async function single(
    req: ProbeRequest,
    exchangeOnce: () => Promise<Exchange>,
    judge: (exchange: Exchange) => { findings: Finding[]; notes?: string[] },
  ) {
    const started = performance.now();
    try {
      const exchange = withOurRedactor(await budget.send(exchangeOnce, signal));
      options.onExchange?.(exchange);
      const { findings, notes: more } = judge(exchange);
      return final(resultFromExchange(req, exchange, Math.round(performance.now() - started), findings, more));
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        unsent++;
        return undefined;
      }
      if (!isVideoLogsError(error)) throw error;
      const url = "url" in error ? String(error.url) : client.baseUrl;
      return final(resultFromFailure(req, url, error, Math.round(performance.now() - started)));
    }
  }

  /** A listing's pages: each judged for conformance and against the listing's own query, ids tracked across pages. */
  async function listing(
    operationId: OperationId,
    kind: "page" | "filtered-page",
    query: Record<string, unknown>,
  ): Promise<{ checks: ExchangeResult[]; items: unknown[] }> {
    const operation = operationOf(operationId);
    const checks: ExchangeResult[] = [];
    const items: unknown[] = [];
    const ids = new Set<string>();
    const brokenOnFirstPage = new Set<string>();
    const req = (n: number) => request(kind, operationId, `${operationId} page ${n}${describeQuery(query)}`);
    const headers = req(1).headers;
    let started = performance.now();
    try {
      const first = await send(operationId, operationUrl(client.baseUrl, operation, { query }), headers);
      const firstAsked = new URL(first.url).searchParams;
      for await (const step of walkPages(first, (url) => send(operationId, url, headers), client.baseUrl)) {
        const n = checks.length + 1;
        // Items are judged, never query strings; the name only: a later page whose URL still carries the parameter
        // with its value was asked with it (parameters-honoured), one whose link dropped or hid it was not.
        const asked = new URL(step.exchange.url).searchParams;
        const checkFor = (parameter: string): CheckName =>
          n === 1 || brokenOnFirstPage.has(parameter) || asked.get(parameter) === firstAsked.get(parameter)
            ? "parameters-honoured"
            : "pagination-integrity";
        options.onExchange?.(step.exchange);
        const { findings, notes: pageNotes, broken } = judgePage(step, operation, query, checkFor, ids);
        if (n === 1) for (const parameter of broken) brokenOnFirstPage.add(parameter);
        checks.push(
          final(
            resultFromExchange(req(n), step.exchange, Math.round(performance.now() - started), findings, pageNotes),
          ),
        );
        items.push(...step.items);
        if (checks.length >= pages || step.end.kind !== "next") break;
        started = performance.now();
      }
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        unsent++;
        return { checks, items };
      }
      if (!isVideoLogsError(error)) throw error;
      const url = "url" in error ? String(error.url) : client.baseUrl;
      checks.push(
        final(resultFromFailure(req(checks.length + 1), url, error, Math.round(performance.now() - started))),
      );
    }
    return { checks, items };
  }

  function remember(operationId: OperationId, items: unknown[]) {
    const byId = seen.get(operationId) ?? new Map<string, unknown>();
    for (const item of items) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === "string" && !byId.has(id)) byId.set(id, item);
    }
    seen.set(operationId, byId);
  }

  // 1. Listings, which supply the items to filter by and the ids to sample, in one pool with the single requests that
  // need nothing from them (unknown and malformed ids, invalid and unknown parameters, credentials).
  type Listed = Awaited<ReturnType<typeof listing>>;
  /** Listings and single requests in one bounded pool; each kind's results come back in the order given. */
  async function inOnePool(
    listingRuns: (() => Promise<Listed>)[],
    singleRuns: (() => Promise<ExchangeResult | undefined>)[],
  ) {
    const runs: (() => Promise<Listed | ExchangeResult | undefined>)[] = [...listingRuns, ...singleRuns];
    const results = await mapInOrder(runs, concurrency, (run) => run());
    return {
      listed: results.slice(0, listingRuns.length) as Listed[],
      singles: results.slice(listingRuns.length) as (ExchangeResult | undefined)[],
    };
  }

  const listings = plan.filter((probe): probe is Extract<Probe, { kind: "page" }> => probe.kind === "page");
  const singleProbes = plan.filter((probe) => probe.kind !== "page" && probe.kind !== "filtered-page");
  // Each single probe's requests, by the probe's place in the plan: the sampled ids are known only after the listings.
  const runsOf: (() => Promise<ExchangeResult | undefined>)[][] = singleProbes.map((probe) =>
    probe.kind === "sampled-item" ? [] : expand(probe),
  );
  const independent = runsOf.flat();
  const { listed, singles: independentResults } = await inOnePool(
    listings.map((probe) => () => listing(probe.operationId, "page", probe.query)),
    independent,
  );
  listings.forEach((probe, index) => remember(probe.operationId, listed[index]!.items));

  // 2. Listings filtered by values chosen from what the listings saw.
  const filtered = plan.filter(
    (probe): probe is Extract<Probe, { kind: "filtered-page" }> => probe.kind === "filtered-page",
  );
  const filterRuns: { operationId: OperationId; query: Record<string, unknown> }[] = [];
  const chosenFor = new Map<string, ReturnType<typeof chooseFilterValues>>();
  for (const probe of filtered) {
    const operation = operationOf(probe.operationId);
    if (!chosenFor.has(probe.operationId)) {
      const choice = chooseFilterValues(
        operation,
        [...(seen.get(probe.operationId)?.values() ?? [])],
        Object.values(tourPageSize(operation))[0] ?? 5,
      );
      chosenFor.set(probe.operationId, choice);
      notes.push(...choice.notes.map((note) => `parameters-honoured: ${note}`));
    }
    const value = chosenFor
      .get(probe.operationId)!
      .chosen.find((chosen) => chosen.parameter === probe.parameter)?.value;
    if (value !== undefined)
      filterRuns.push({ operationId: probe.operationId, query: { ...probe.query, [probe.parameter]: value } });
  }
  // 3. In one pool with them: the items by id, sampled from what the listings saw.
  singleProbes.forEach((probe, index) => {
    if (probe.kind === "sampled-item") runsOf[index] = expand(probe);
  });
  const sampled = singleProbes.flatMap((probe, index) => (probe.kind === "sampled-item" ? runsOf[index]! : []));
  const { listed: filteredListed, singles: sampledResults } = await inOnePool(
    filterRuns.map((run) => () => listing(run.operationId, "filtered-page", run.query)),
    sampled,
  );
  // The single requests in the plan's order, whatever pool ran them.
  const singleResults: (ExchangeResult | undefined)[] = [];
  singleProbes.forEach((probe, index) => {
    const results = probe.kind === "sampled-item" ? sampledResults : independentResults;
    singleResults.push(...results.splice(0, runsOf[index]!.length));
  });

  function expand(probe: Probe): (() => Promise<ExchangeResult | undefined>)[] {
    const operation = operationOf(probe.operationId);
    // A probe's status is one finding: under the check the probe serves, or status-code when that check does not run.
    const conformance = (kind: ProbeKind, statusCheck: CheckName) => (exchange: Exchange) => ({
      findings: judgeConformance(
        exchange,
        expectedFor(kind, probe.operationId),
        active.has(statusCheck) ? statusCheck : "status-code",
      ),
    });
    switch (probe.kind) {
      case "sampled-item": {
        const listedItems = seen.get(probe.listOperationId) ?? new Map<string, unknown>();
        const parameter = operation.parameters.find((p) => p.name === probe.idParameter);
        return sampleIds([...listedItems.keys()], parameter?.schema, sample).map((id) => () => {
          const req = request("sampled-item", probe.operationId, `${probe.operationId} ${id}`);
          const url = operationUrl(client.baseUrl, operation, { path: { [probe.idParameter]: id } });
          return single(
            req,
            () => client.exchangeUrl(probe.operationId, url, { headers: req.headers, signal }),
            (exchange) => {
              const findings = judgeConformance(exchange, req.expectedStatus, "status-code");
              if (exchange.response.status === 200 && exchange.parsed.ok)
                findings.push(
                  ...compareListedItem(
                    listedItems.get(id),
                    exchange.parsed.body,
                    probe.listOperationId,
                    exchange.redactor,
                  ),
                );
              return { findings };
            },
          );
        });
      }
      case "unknown-item":
      case "malformed-id": {
        const id = probe.kind === "unknown-item" ? randomUUID() : probe.value;
        const req = request(
          probe.kind,
          probe.operationId,
          probe.kind === "unknown-item"
            ? `${probe.operationId} of an unknown id`
            : `${probe.operationId} of a malformed id ${id}`,
        );
        const url = operationUrl(client.baseUrl, operation, { path: { [probe.idParameter]: id } });
        return [
          () =>
            single(
              req,
              () => client.exchangeUrl(probe.operationId, url, { headers: req.headers, signal }),
              conformance(probe.kind, "negative-data"),
            ),
        ];
      }
      case "invalid-parameter": {
        const req = request(
          probe.kind,
          probe.operationId,
          `${probe.operationId} with ${probe.parameter}=${probe.value} (${probe.why})`,
        );
        const url = operationUrl(client.baseUrl, operation, { query: { [probe.parameter]: probe.value } });
        return [
          () =>
            single(
              req,
              () => client.exchangeUrl(probe.operationId, url, { headers: req.headers, signal }),
              conformance(probe.kind, "negative-data"),
            ),
        ];
      }
      case "unknown-parameter": {
        const req = request(
          probe.kind,
          probe.operationId,
          `${probe.operationId} with an unknown parameter ${probe.parameter}`,
        );
        const url = operationUrl(client.baseUrl, operation, { query: { [probe.parameter]: "1" } });
        return [
          () =>
            single(
              req,
              () => client.exchangeUrl(probe.operationId, url, { headers: req.headers, signal }),
              (exchange) => {
                const { status } = exchange.response;
                const verdict = status < 300 ? "accepted" : "refused";
                return {
                  findings: judgeConformance(exchange, req.expectedStatus, "status-code"),
                  notes: [
                    `negative-data: the unknown query parameter ${probe.parameter} was ${verdict} (${status}); the spec does not say it is rejected`,
                  ],
                };
              },
            ),
        ];
      }
      case "wrong-credentials": {
        const req = request(probe.kind, probe.operationId, `${probe.operationId} with wrong credentials`);
        const url = operationUrl(wrong!.baseUrl, operation, { query: probe.query });
        return [
          () =>
            single(
              req,
              () => wrong!.exchangeUrl(probe.operationId, url, { headers: req.headers, signal }),
              conformance(probe.kind, "authentication"),
            ),
        ];
      }
      case "no-credentials": {
        const req = request(probe.kind, probe.operationId, `${probe.operationId} without credentials`);
        const url = operationUrl(client.baseUrl, operation, { query: probe.query });
        const timeoutMs = options.timeoutMs ?? 30_000;
        return [
          () =>
            single(
              req,
              () =>
                anonymousExchange(operation, url, {
                  timeoutMs,
                  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
                  userAgent: "video-logs-check",
                  signal,
                  fetch: options.fetch,
                }),
              conformance(probe.kind, "authentication"),
            ),
        ];
      }
      default:
        return [];
    }
  }

  const checks = [
    ...listed.flatMap((result) => result.checks),
    ...filteredListed.flatMap((result) => result.checks),
    ...singleResults.filter((c): c is ExchangeResult => c !== undefined),
  ];
  if (staticMock && unsent === 0) notes.push(...staticMockShortfall(checks, { pages, sample }));
  if (unsent > 0) {
    notes.push(
      `the request budget of ${options.maxRequests ?? 60} was spent: ${unsent} planned request(s) or listing page(s) not sent (raise it with --max-requests)`,
    );
  }
  const violations = checks.flatMap((c) => c.violations);
  return {
    version: REPORT_VERSION,
    tool: { name: "signalwire-video-logs", version: VERSION },
    target: options.target,
    startedAt: startedAt.toISOString(),
    durationMs: Math.max(0, now() - startedAt.getTime()),
    strict,
    checksRun: [...active],
    skipped,
    notes,
    summary: {
      requests: budget.sent,
      checked: checks.filter((c) => c.status !== null).length,
      passed: checks.filter((c) => c.passed).length,
      breaking: violations.filter((v) => v.kind === "breaking").length,
      additive: violations.filter((v) => v.kind === "additive").length,
      errors: checks.filter((c) => c.status === null).length,
    },
    checks,
  };
}

/** A page's findings: conformance, its query (parameters-honoured on page 1, pagination-integrity after), ids twice. */
function judgePage(
  step: PageStep,
  operation: ReturnType<typeof operationOf>,
  query: Record<string, unknown>,
  checkFor: (parameter: string) => CheckName,
  ids: Set<string>,
): { findings: Finding[]; notes: string[]; broken: string[] } {
  const findings = judgeConformance(step.exchange, [200], "status-code");
  const notes: string[] = [];
  let broken: string[] = [];
  if (step.end.kind === "violation") {
    findings.push(
      foundBy(
        step.end.violation.keyword === "pagination" ? "pagination-integrity" : "response-schema",
        step.end.violation,
      ),
    );
  }
  if (step.end.kind === "unsafe") {
    const next = (step.exchange.parsed as { body?: { links?: { next?: unknown } } }).body?.links?.next;
    // Legitimate behind a proxy or against a mock serving absolute example links: note it, read no further.
    notes.push(
      `pagination-integrity: links.next leaves the base URL; not followed: ${step.exchange.redactor.cut(JSON.stringify(next) ?? "", 200).text}`,
    );
  }
  if (step.exchange.response.ok && step.exchange.parsed.ok) {
    const honoured = pageBreaksQuery(operation, query, step.items, checkFor, step.exchange.redactor);
    findings.push(...honoured.findings);
    broken = honoured.broken;
    step.items.forEach((item, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== "string") return;
      if (ids.has(id)) {
        findings.push(
          behaviourFinding(
            "pagination-integrity",
            "duplicate",
            `/data/${index}/id`,
            `an id appears twice in one listing (read under a created_before pin, so no new item can shift the pages)`,
            "each id once per listing",
            id,
            step.exchange.redactor,
          ),
        );
      }
      ids.add(id);
    });
    if (step.items.length === 0 && step.end.kind === "next")
      notes.push("pagination-integrity: an empty page still links to a next page");
  }
  return { findings, notes, broken };
}

/**
 * Up to `count` distinct ids spread over the listed ones (so that items of every kind are likely among them); with a
 * uuid format, only UUID text (any other id is already reported as a violation of its page).
 */
function sampleIds(ids: string[], schema: unknown, count: number): string[] {
  const uuid = (schema as { format?: unknown } | undefined)?.format === "uuid";
  const usable = ids.filter((id) => id !== "" && (!uuid || isUuidText(id)));
  if (count <= 0) return [];
  if (usable.length <= count) return usable;
  const step = usable.length / count;
  return Array.from({ length: count }, (_, index) => usable[Math.floor(index * step)]!);
}
