// One recorded exchange judged by the checks of one response, or counted (and listed, up to a bound) as skipped with
// why. The recording check calls it for each entry of a file, the proxy for each response it passes on: one path.
import type { Exchange } from "../../client/exchange.ts";
import { ResponseTooLargeError } from "../../errors/response-too-large-error.ts";
import type { Operation, OperationId } from "../../operations/operation-table.ts";
import type { Redactor } from "../../redaction/redactor.ts";
import { type DriftReport, type ExchangeResult, MAX_LISTED_SKIPPED_ENTRIES } from "../../report/report-types.ts";
import { type ProbeRequest, resultFromExchange, resultFromFailure } from "../exchange-result.ts";
import { judgeConformance } from "../judge-conformance.ts";
import type { ReportBuilder } from "../report-builder.ts";
import { entryBody } from "./entry-body.ts";
import type { HarEntry } from "./har-types.ts";
import { placeEntry } from "./place-entry.ts";
import { recordedExchange } from "./recorded-exchange.ts";
import { safeUrl } from "./recording-secrets.ts";
import { reproAuth } from "./repro-auth.ts";

/** What judging an entry reads and adds to: the settings, the redactor of the run's secrets, the builder, the counts. */
export interface EntryJudging {
  /** A proxy's path prefix, stripped from a request path that starts with it before matching. */
  pathPrefix?: string;
  maxBodyBytes: number;
  redactor: Redactor;
  builder: ReportBuilder;
  skipped: NonNullable<DriftReport["recording"]>;
  /** Called once for every response judged for conformance, with the Exchange it was judged on. */
  onExchange?: (exchange: Exchange) => void;
}

/** The longest URL a report keeps of an entry, and the longest path and query in a result's name. */
const MAX_URL_CHARS = 2048;
const MAX_NAME_PATH_CHARS = 200;

/** Judges one entry by the checks of one response, or counts it (and lists it, up to a bound) as skipped with why. */
export function judgeEntry(run: EntryJudging, entry: HarEntry, index: number): ExchangeResult | undefined {
  const url = run.redactor.cut(safeUrl(entry.request.url), MAX_URL_CHARS).text;
  const placement = placeEntry(entry, run.pathPrefix);
  if ("reason" in placement) {
    skipEntry(run, entry, index, url, placement.reason, placement.operation);
    return undefined;
  }
  const { operation } = placement;
  const body = entryBody(entry.response.content, run.maxBodyBytes);
  if (body.kind === "unreadable") {
    skipEntry(run, entry, index, url, body.reason, operation);
    return undefined;
  }
  const request = recordedRequest(index, operation, url, run.redactor);
  const durationMs = Number.isFinite(entry.time) ? Math.max(0, Math.round(entry.time)) : 0;
  if (body.kind === "too-large") {
    const error = new ResponseTooLargeError(operation.method, url, entry.response.status, run.maxBodyBytes);
    return run.builder.finish(resultFromFailure(request, url, error, durationMs));
  }
  const { status, headers } = entry.response;
  const exchange = recordedExchange(operation, url, status, headers, body.bytes, run.redactor);
  // Any declared status is acceptable in a recording; an undeclared one is the validator's status-code finding,
  // so the received status is passed as the expected one rather than stating the same finding twice.
  const findings = judgeConformance(exchange, [exchange.response.status], "status-code");
  run.onExchange?.(exchange);
  return run.builder.finish(resultFromExchange(request, exchange, durationMs, findings), exchange);
}

function skipEntry(
  run: EntryJudging,
  entry: HarEntry,
  index: number,
  url: string,
  reason: string,
  operation?: Operation,
) {
  const { skipped, redactor } = run;
  skipped.skipped++;
  if (operation) skipped.skippedMatched++;
  if (skipped.skippedEntries.length >= MAX_LISTED_SKIPPED_ENTRIES) return;
  skipped.skippedEntries.push({
    entry: index,
    method: redactor.text(entry.request.method.slice(0, 40)),
    url,
    ...(operation ? { operation: operation.operationId as OperationId } : {}),
    reason: redactor.text(reason),
  });
}

/** The check's request, named so a reader finds the entry: its index, method, path and query (no secrets). */
function recordedRequest(index: number, operation: Operation, url: string, redactor: Redactor): ProbeRequest {
  const pathAndQuery = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  return {
    name: `entry ${index}: ${operation.method} ${redactor.cut(pathAndQuery, MAX_NAME_PATH_CHARS).text}`,
    kind: "recorded",
    operation: operation.operationId as OperationId,
    expectedStatus: operation.statuses.map(Number).filter(Number.isFinite),
    auth: reproAuth(url),
    headers: {},
  };
}
