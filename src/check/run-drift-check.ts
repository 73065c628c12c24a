// The drift check: a short, gentle tour of the API planned from the spec (plan-probes.ts), every response judged
// strictly on the client's one exchange and page walk. This file is the executor: it runs the planned probes with
// bounded concurrency and reports each check once it is final, in plan order.
import { randomUUID } from "node:crypto";
import { redactorOf, type VideoLogsClient } from "../client/create-client.ts";
import { parseExchangeBody, type Exchange } from "../client/exchange.ts";
import type { ListOperationId } from "../client/operation-types.ts";
import type { PageStep } from "../client/page-walk.ts";
import { isUuidText } from "../client/uuid-text.ts";
import { isVideoLogsError } from "../errors/video-logs-error.ts";
import { operationOf, type OperationId } from "../operations/operation-table.ts";
import type { Violation } from "../validation/violation.ts";
import { VERSION } from "../version.ts";
import { checkFromExchange, checkFromFailure, type CheckRequest } from "./check-result.ts";
import { mapInOrder } from "./map-in-order.ts";
import { redactCheck } from "./redact-check.ts";
import { planProbes } from "./plan-probes.ts";
import { EXPECTED_STATUS, type CheckKind, type Probe } from "./probe.ts";
import { REPORT_VERSION, type CheckResult, type DriftReport } from "./report-types.ts";

export interface DriftCheckOptions {
  /** The client of the target; the check judges every response strictly, whatever the client's validation mode. */
  client: VideoLogsClient;
  /** A client with deliberately wrong credentials for the 401 probe; omit to skip the probe. */
  wrongCredentialsClient?: VideoLogsClient;
  target: DriftReport["target"];
  /** Pages to read per listing. Default 3. */
  pages?: number;
  /** How many of the ids seen to fetch one by one, per get-by-id operation. Default 5. */
  sample?: number;
  /** Additive drift counts as failure. */
  strict?: boolean;
  /**
   * Ask the server, with a `Prefer: code=…` header, for the status a probe expects. Only a Prism mock understands
   * it; it lets the mock play the 404 and 401 scenarios it cannot know about.
   */
  preferStatusHints?: boolean;
  /** How many probes run at once. Default 1. The report keeps the plan's order whatever the completion order. */
  concurrency?: number;
  /** Called once per check, when it is final, for progress output. */
  onCheck?: (check: CheckResult, done: number) => void;
  signal?: AbortSignal;
}

/** `include_deleted=true` style, for the names people read. */
const describeQuery = (query: Record<string, unknown>) => {
  const pairs = Object.entries(query).map(([name, value]) => `${name}=${String(value)}`);
  return pairs.length > 0 ? ` (${pairs.join(", ")})` : "";
};

export async function runDriftCheck(options: DriftCheckOptions): Promise<DriftReport> {
  const { client, pages = 3, sample = 5, strict = false, signal, concurrency = 1 } = options;
  const wrong = options.wrongCredentialsClient;
  const startedAt = new Date();
  let done = 0;
  // Ids seen per list operation, in the order the listings are planned (filled after the listings, in plan order).
  const seenIds = new Map<string, unknown[]>();

  function request(kind: CheckKind, operation: OperationId, name: string): CheckRequest {
    const expected = EXPECTED_STATUS[kind];
    const headers: Record<string, string> = options.preferStatusHints && expected !== 200 ? { Prefer: `code=${expected}` } : {};
    return { name, kind, operation, expectedStatus: [expected], auth: kind === "wrong-credentials" ? "wrong" : "env", headers };
  }

  /** Reports a final check: credentials scrubbed (the wrong client's token is deliberately wrong, not a secret). */
  function final(check: CheckResult): CheckResult {
    const redacted = redactCheck(check, (text) => client.redact(text));
    options.onCheck?.(redacted, ++done);
    return redacted;
  }

  /**
   * The wrong-credentials client knows only its deliberately wrong token; a server may still reflect the real ones.
   * Its exchanges are read again with the real client's redactor, so nothing is cut before those are removed.
   */
  function withOurRedactor(exchange: Exchange): Exchange {
    const redactor = redactorOf(client);
    return exchange.redactor === redactor ? exchange : { ...exchange, redactor, parsed: parseExchangeBody(exchange.bytes, redactor) };
  }

  /** One request: a check from its exchange, or from why no response came. */
  async function single(req: CheckRequest, via: VideoLogsClient, params: { path?: Record<string, unknown>; query?: Record<string, unknown> }) {
    const started = performance.now();
    try {
      const exchange = await via.exchange(req.operation, params, { headers: req.headers, signal, validation: "strict" });
      return final(checkFromExchange(req, withOurRedactor(exchange), Math.round(performance.now() - started)));
    } catch (error) {
      if (!isVideoLogsError(error)) throw error;
      const url = "url" in error ? String(error.url) : via.baseUrl;
      return final(checkFromFailure(req, url, error, Math.round(performance.now() - started)));
    }
  }

  /** A listing: its pages through the client's walk, each page's check final with what the walk found after it. */
  async function listing(probe: Extract<Probe, { kind: "page" }>): Promise<{ checks: CheckResult[]; items: unknown[] }> {
    const checks: CheckResult[] = [];
    const items: unknown[] = [];
    const req = (n: number) => request("page", probe.operationId, `${probe.operationId} page ${n}${describeQuery(probe.query)}`);
    let started = performance.now();
    try {
      const walk = client.pages(probe.operationId as ListOperationId, { query: probe.query }, { headers: req(1).headers, signal });
      for await (const step of walk) {
        const more = afterPage(step, client.baseUrl);
        checks.push(final(checkFromExchange(req(checks.length + 1), step.exchange, Math.round(performance.now() - started), more)));
        items.push(...step.items);
        if (checks.length >= pages || step.end.kind !== "next") break;
        started = performance.now();
      }
    } catch (error) {
      if (!isVideoLogsError(error)) throw error;
      const url = "url" in error ? String(error.url) : client.baseUrl;
      checks.push(final(checkFromFailure(req(checks.length + 1), url, error, Math.round(performance.now() - started))));
    }
    return { checks, items };
  }

  const plan = planProbes({ authProbe: wrong !== undefined });
  const listings = plan.filter((probe): probe is Extract<Probe, { kind: "page" }> => probe.kind === "page");
  const others = plan.filter((probe) => probe.kind !== "page");

  // 1. Listings, which supply the ids to sample.
  const listed = await mapInOrder(listings, concurrency, listing);
  listings.forEach((probe, index) => {
    const ids = seenIds.get(probe.operationId) ?? [];
    seenIds.set(probe.operationId, [...ids, ...listed[index]!.items]);
  });

  // 2. Items by id, unknown ids and the wrong-credentials probe, each one request.
  const requests = others.flatMap((probe) => expand(probe));
  const singles = await mapInOrder(requests, concurrency, (run) => run());

  function expand(probe: Exclude<Probe, { kind: "page" }>): (() => Promise<CheckResult>)[] {
    if (probe.kind === "sampled-item") {
      const parameter = operationOf(probe.operationId).parameters.find((p) => p.name === probe.idParameter);
      const ids = sampleIds(seenIds.get(probe.listOperationId) ?? [], probe.idParameter, parameter?.schema, sample);
      return ids.map((id) => () => single(request("sampled-item", probe.operationId, `${probe.operationId} ${id}`), client, { path: { [probe.idParameter]: id } }));
    }
    if (probe.kind === "unknown-item") {
      const req = request("unknown-item", probe.operationId, `${probe.operationId} of an unknown id`);
      return [() => single(req, client, { path: { [probe.idParameter]: randomUUID() } })];
    }
    const req = request("wrong-credentials", probe.operationId, `${probe.operationId} with wrong credentials`);
    return [() => single(req, wrong!, { query: probe.query })];
  }

  const checks = [...listed.flatMap((result) => result.checks), ...singles];
  const violations = checks.flatMap((c) => c.violations);
  return {
    version: REPORT_VERSION,
    tool: { name: "signalwire-video-logs", version: VERSION },
    target: options.target,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    strict,
    summary: {
      requests: checks.length,
      checked: checks.filter((c) => c.status !== null).length,
      passed: checks.filter((c) => c.passed).length,
      breaking: violations.filter((v) => v.kind === "breaking").length,
      additive: violations.filter((v) => v.kind === "additive").length,
      errors: checks.filter((c) => c.status === null).length,
    },
    checks,
  };
}

/** What the page walk found after a page, as the page check's own violations and notes. */
function afterPage(step: PageStep, baseUrl: string): { violations?: Violation[]; notes?: string[] } {
  if (step.end.kind === "violation") return { violations: [step.end.violation] };
  if (step.end.kind !== "unsafe") return {};
  const next = (step.exchange.parsed as { body?: { links?: { next?: unknown } } }).body?.links?.next;
  // Legitimate behind a proxy or against a mock serving absolute example links: note it, read no further.
  return { notes: [`links.next leaves ${baseUrl}; not followed: ${JSON.stringify(next)}`] };
}

/**
 * The first distinct ids of the listed items that can go into a path: an item's id is its property named like the
 * path parameter; with a uuid format, only UUID text (any other id is already reported as a violation of its page).
 */
function sampleIds(items: unknown[], idParameter: string, schema: unknown, count: number): string[] {
  const uuid = (schema as { format?: unknown } | undefined)?.format === "uuid";
  const ids: string[] = [];
  for (const item of items) {
    if (ids.length >= count) break;
    const id = (item as Record<string, unknown> | null)?.[idParameter];
    if (typeof id !== "string" || id === "" || (uuid && !isUuidText(id)) || ids.includes(id)) continue;
    ids.push(id);
  }
  return ids;
}
