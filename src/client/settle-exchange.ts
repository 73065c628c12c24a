// What a judged call gives: an exchange's parsed body, or one of our errors (a non-2xx status is an ApiError, a
// violation of the spec a ContractViolationError, unless the caller takes the violations through `onValidated`).
import { ApiError } from "../errors/api-error.ts";
import { ContractViolationError } from "../errors/contract-violation-error.ts";
import { keptBody } from "../errors/kept-body.ts";
import type { Redactor } from "../redaction/redactor.ts";
import type { ValidationMode, Violation } from "../validation/violation.ts";
import type { Exchange } from "./exchange.ts";
import { judgeExchange } from "./judge-exchange.ts";
import { requestIdOf } from "./request-id.ts";

/** What a call's `onValidated` receives for each response it validated. */
export interface ValidatedResponse {
  operationId: Exchange["operationId"];
  status: number;
  /** The server's request id, when the response carries one (the client's credentials removed). */
  requestId: string | undefined;
  /** What the response violates in the call's validation mode; none when it matches. */
  violations: Violation[];
}

/** The validated response of an exchange and its violations, for `onValidated`. */
export function validatedResponse(result: Exchange, violations: Violation[], scrubber: Redactor): ValidatedResponse {
  const requestId = requestIdOf(result.response.headers);
  return {
    operationId: result.operationId,
    status: result.response.status,
    requestId: requestId === undefined ? undefined : scrubber.text(requestId),
    violations,
  };
}

/** Throws the ApiError of a response outside 2xx. */
export function throwIfNotOk(result: Exchange, scrubber: Redactor): void {
  const { response, bytes } = result;
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      statusText: response.statusText,
      method: result.method,
      url: response.url,
      body: keptBody(bytes, scrubber),
      requestId: requestIdOf(response.headers),
      headers: Object.fromEntries(response.headers),
    });
  }
}

/**
 * The body of a 2xx response. Its violations throw a ContractViolationError; with `onValidated`, they are handed to
 * it instead (none included) and the body is returned as received, unless it is not JSON: then there is no body to
 * return, and the error is thrown. `judged`: the violations in `mode` when the caller has them already.
 */
export function settleExchange(
  result: Exchange,
  mode: ValidationMode,
  scrubber: Redactor,
  onValidated?: (response: ValidatedResponse) => void,
  judged?: Violation[],
): unknown {
  const { response, bytes, parsed } = result;
  throwIfNotOk(result, scrubber);
  const violations = judged ?? judgeExchange(result, mode);
  if (onValidated && parsed.ok) {
    onValidated(validatedResponse(result, violations, scrubber));
    return parsed.body;
  }
  if (violations.length > 0) {
    throw new ContractViolationError(
      result.operationId,
      response.status,
      violations,
      keptBody(bytes, scrubber, parsed.ok ? parsed : undefined),
    );
  }
  return (parsed as { body: unknown }).body;
}
