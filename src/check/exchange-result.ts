// The one place a drift check's result is made, from an exchange and its findings or from a request that got no
// response.
import type { Exchange } from "../client/exchange.ts";
import { requestIdOf } from "../client/request-id.ts";
import { isResponseTooLargeError, type ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { type Finding, foundBy } from "../findings/finding.ts";
import type { ProbeKind } from "../findings/probe-kind.ts";
import type { OperationId } from "../operations/operation-table.ts";
import type { ExchangeResult } from "../report/report-types.ts";
import { bodyTooLargeViolation, statusViolation } from "../validation/violation-factory.ts";
import { curlCommand } from "./curl-command.ts";

export interface ProbeRequest {
  name: string;
  kind: ProbeKind;
  operation: OperationId;
  expectedStatus: number[];
  auth: "env" | "wrong" | "none";
  /** Headers sent beyond the client's own (the mock's status hints), repeated in the curl command. */
  headers: Record<string, string>;
}

/** A final result: what was sent (the curl line), what came back (status, request id) and every finding. */
export function resultFromExchange(
  request: ProbeRequest,
  exchange: Exchange,
  durationMs: number,
  findings: Finding[],
  notes: string[] = [],
): ExchangeResult {
  const { status } = exchange.response;
  return {
    name: request.name,
    kind: request.kind,
    operation: request.operation,
    method: "GET",
    url: exchange.url,
    expectedStatus: request.expectedStatus,
    status,
    passed: findings.length === 0,
    violations: findings,
    requestId: requestIdOf(exchange.response.headers) ?? null,
    durationMs,
    curl: curlCommand(exchange.url, request.auth, request.headers),
    ...(notes.length ? { notes } : {}),
  };
}

/** A request that got no response (network error, timeout, refused redirect), or a body too large to read. */
export function resultFromFailure(
  request: ProbeRequest,
  url: string,
  error: Error,
  durationMs: number,
): ExchangeResult {
  if (isResponseTooLargeError(error)) return resultFromOversizedBody(request, url, error, durationMs);
  return { ...unreadResult(request, url, durationMs), status: null, violations: [], error: error.message };
}

/** What a check that read no body says: the request, its curl line, no request id, failed. */
function unreadResult(request: ProbeRequest, url: string, durationMs: number) {
  return {
    name: request.name,
    kind: request.kind,
    operation: request.operation,
    method: "GET" as const,
    url,
    expectedStatus: request.expectedStatus,
    passed: false,
    requestId: null,
    durationMs,
    curl: curlCommand(url, request.auth, request.headers),
  };
}

/**
 * The server did answer, with a status, but with a body past the client's limit: drift of that check, not silence. A
 * body that cannot be read cannot match its schema (response-schema); an unexpected status is a status-code finding.
 */
function resultFromOversizedBody(
  request: ProbeRequest,
  url: string,
  error: ResponseTooLargeError,
  durationMs: number,
): ExchangeResult {
  const violations: Finding[] = [foundBy("response-schema", bodyTooLargeViolation(error.maxBodyBytes))];
  if (!request.expectedStatus.includes(error.status))
    violations.unshift(foundBy("status-code", statusViolation(request.expectedStatus, error.status)));
  return { ...unreadResult(request, url, durationMs), status: error.status, violations };
}
