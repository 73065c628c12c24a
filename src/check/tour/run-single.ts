// One single request of the tour, sent within the budget and judged: a final result from its exchange, or from why no
// response came; nothing when the budget is spent.
import { redactorOf } from "../../client/create-client.ts";
import { type Exchange, parseExchangeBody } from "../../client/exchange.ts";
import { isVideoLogsError } from "../../errors/video-logs-error.ts";
import type { Finding } from "../../findings/finding.ts";
import type { ExchangeResult } from "../../report/report-types.ts";
import { type ProbeRequest, resultFromExchange, resultFromFailure } from "../exchange-result.ts";
import { BudgetExhausted } from "../tour-budget.ts";
import type { Tour } from "./tour.ts";
import { throughTransport } from "./tour-transport.ts";

/** The findings (and remarks) of one response. */
export type Judge = (exchange: Exchange) => { findings: Finding[]; notes?: string[] };

/** A request ready to run: its final result, or undefined when the budget left it out. */
export type SingleRun = () => Promise<ExchangeResult | undefined>;

export async function runSingle(
  tour: Tour,
  request: ProbeRequest,
  exchangeOnce: () => Promise<Exchange>,
  judge: Judge,
): Promise<ExchangeResult | undefined> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const identity = { kind: request.kind, operation: request.operation, request: request.name };
    const send = throughTransport(tour.transport, identity, exchangeOnce);
    const exchange = withTourRedactor(tour, await tour.budget.send(send, tour.options.signal));
    tour.options.onExchange?.(exchange);
    const { findings, notes } = judge(exchange);
    return tour.report.finish(resultFromExchange(request, exchange, elapsed(), findings, notes), exchange);
  } catch (error) {
    return failedRequest(tour, request, error, elapsed());
  }
}

/**
 * A request that got no response: a result saying why; nothing when the budget is spent, or when the tour was
 * interrupted (the request was not sent, or cut short by the interruption, not by the server); a bug is thrown on.
 */
export function failedRequest(
  tour: Tour,
  request: ProbeRequest,
  error: unknown,
  durationMs: number,
): ExchangeResult | undefined {
  if (error instanceof BudgetExhausted) {
    tour.unsent++;
    return undefined;
  }
  if (tour.options.signal?.aborted) return undefined;
  if (!isVideoLogsError(error)) throw error;
  const url = "url" in error ? String(error.url) : tour.client.baseUrl;
  return tour.report.finish(resultFromFailure(request, url, error, durationMs));
}

/**
 * The wrong-credentials and no-credentials requests do not know the real credentials; a server may still reflect
 * them. Every exchange is read again with the real client's redactor, so nothing is cut before those are removed.
 */
function withTourRedactor(tour: Tour, exchange: Exchange): Exchange {
  const redactor = redactorOf(tour.client);
  if (exchange.redactor === redactor) return exchange;
  return { ...exchange, redactor, parsed: parseExchangeBody(exchange.bytes, redactor) };
}
