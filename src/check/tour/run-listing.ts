// One listing of the tour: its pages read within the budget, each judged for conformance and against the listing's
// own query (judge-page.ts), ids tracked across pages, up to the tour's page count.
import { operationUrl } from "../../client/exchange.ts";
import { walkPages } from "../../client/page-walk.ts";
import type { CheckName } from "../../findings/checks.ts";
import { type OperationId, operationOf } from "../../operations/operation-table.ts";
import type { ExchangeResult } from "../../report/report-types.ts";
import { resultFromExchange } from "../exchange-result.ts";
import { judgePage } from "./judge-page.ts";
import { describeQuery, probeRequest } from "./probe-request.ts";
import { failedRequest } from "./run-single.ts";
import type { Tour } from "./tour.ts";
import { throughTransport } from "./tour-transport.ts";

/** A listing's results, one per page read, and the items its pages showed. */
export interface Listed {
  results: ExchangeResult[];
  items: unknown[];
}

export async function runListing(
  tour: Tour,
  operationId: OperationId,
  kind: "page" | "filtered-page",
  query: Record<string, unknown>,
): Promise<Listed> {
  const operation = operationOf(operationId);
  const listed: Listed = { results: [], items: [] };
  const ids = new Set<string>();
  const brokenOnFirstPage = new Set<string>();
  const request = (n: number) =>
    probeRequest(tour, kind, operationId, `${operationId} page ${n}${describeQuery(query)}`);
  const { headers } = request(1);
  const { client, options } = tour;
  // The walk asks for its pages one after the other: the n-th call is page n.
  let pagesAsked = 0;
  const send = (url: string) => {
    const page = request(++pagesAsked);
    const identity = { kind, operation: operationId, request: page.name };
    const exchangeOnce = () =>
      client.exchangeUrl(operationId, url, { headers, signal: options.signal, validation: "strict" });
    return tour.budget.send(throughTransport(tour.transport, identity, exchangeOnce), options.signal);
  };
  let started = performance.now();
  try {
    const first = await send(operationUrl(client.baseUrl, operation, { query }));
    const firstAsked = new URL(first.url).searchParams;
    for await (const step of walkPages(first, send, client.baseUrl)) {
      const n = listed.results.length + 1;
      // Items are judged, never query strings; the name only: a later page whose URL still carries the parameter
      // with its value was asked with it (parameters-honoured), one whose link dropped or hid it was not.
      const asked = new URL(step.exchange.url).searchParams;
      const checkFor = (parameter: string): CheckName =>
        n === 1 || brokenOnFirstPage.has(parameter) || asked.get(parameter) === firstAsked.get(parameter)
          ? "parameters-honoured"
          : "pagination-integrity";
      options.onExchange?.(step.exchange);
      const { findings, notes, broken } = judgePage(step, operation, query, checkFor, ids);
      if (n === 1) for (const parameter of broken) brokenOnFirstPage.add(parameter);
      const durationMs = Math.round(performance.now() - started);
      listed.results.push(
        tour.report.finish(resultFromExchange(request(n), step.exchange, durationMs, findings, notes), step.exchange),
      );
      listed.items.push(...step.items);
      if (listed.results.length >= tour.pages || step.end.kind !== "next") break;
      started = performance.now();
    }
  } catch (error) {
    const failed = failedRequest(
      tour,
      request(listed.results.length + 1),
      error,
      Math.round(performance.now() - started),
    );
    if (failed) listed.results.push(failed);
  }
  return listed;
}
