// The one place a drift check's result is made, from an exchange or from a request that got no response.
import type { Exchange } from "../client/exchange.ts";
import { judgeExchange } from "../client/judge-exchange.ts";
import { requestIdOf } from "../client/request-id.ts";
import { isResponseTooLargeError, type ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import type { OperationId } from "../operations/operation-table.ts";
import { bodyTooLargeViolation, statusViolation } from "../validation/violation-factory.ts";
import type { Violation } from "../validation/violation.ts";
import { curlCommand } from "./curl-command.ts";
import type { CheckKind } from "./probe.ts";
import type { CheckResult } from "./report-types.ts";

export interface CheckRequest {
  name: string;
  kind: CheckKind;
  operation: OperationId;
  expectedStatus: number[];
  auth: "env" | "wrong";
  /** Headers sent beyond the client's own (the mock's status hints), repeated in the curl command. */
  headers: Record<string, string>;
}

/**
 * Judges an exchange strictly; a status other than the expected one is a violation too. `more` holds what the page
 * walk found beyond the body (a loop, a refused link), so the result is final when it is made.
 */
export function checkFromExchange(
  request: CheckRequest,
  exchange: Exchange,
  durationMs: number,
  more: { violations?: Violation[]; notes?: string[] } = {},
): CheckResult {
  const { status } = exchange.response;
  const violations = judgeExchange(exchange, "strict");
  if (!request.expectedStatus.includes(status) && violations.every((v) => v.keyword !== "status")) {
    violations.unshift(statusViolation(request.expectedStatus, status));
  }
  violations.push(...(more.violations ?? []));
  return {
    name: request.name,
    kind: request.kind,
    operation: request.operation,
    method: "GET",
    url: exchange.url,
    expectedStatus: request.expectedStatus,
    status,
    passed: violations.length === 0,
    violations,
    requestId: requestIdOf(exchange.response.headers) ?? null,
    durationMs,
    curl: curlCommand(exchange.url, request.auth, request.headers),
    ...(more.notes?.length ? { notes: more.notes } : {}),
  };
}

/** A request that got no response (network error, timeout, refused redirect), or a body too large to read. */
export function checkFromFailure(request: CheckRequest, url: string, error: Error, durationMs: number): CheckResult {
  if (isResponseTooLargeError(error)) return checkFromOversizedBody(request, url, error, durationMs);
  return {
    name: request.name,
    kind: request.kind,
    operation: request.operation,
    method: "GET",
    url,
    expectedStatus: request.expectedStatus,
    status: null,
    passed: false,
    violations: [],
    requestId: null,
    durationMs,
    curl: curlCommand(url, request.auth, request.headers),
    error: error.message,
  };
}

/** The server did answer, with a status, but with a body past the client's limit: drift of that check, not silence. */
function checkFromOversizedBody(request: CheckRequest, url: string, error: ResponseTooLargeError, durationMs: number): CheckResult {
  const violations = [bodyTooLargeViolation(error.maxBodyBytes)];
  if (!request.expectedStatus.includes(error.status)) violations.unshift(statusViolation(request.expectedStatus, error.status));
  return {
    name: request.name,
    kind: request.kind,
    operation: request.operation,
    method: "GET",
    url,
    expectedStatus: request.expectedStatus,
    status: error.status,
    passed: false,
    violations,
    requestId: null,
    durationMs,
    curl: curlCommand(url, request.auth, request.headers),
  };
}
