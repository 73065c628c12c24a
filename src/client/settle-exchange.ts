// What a judged call gives: an exchange's parsed body, or one of our errors (a non-2xx status is an ApiError, a
// violation of the spec a ContractViolationError).
import { ApiError } from "../errors/api-error.ts";
import { ContractViolationError } from "../errors/contract-violation-error.ts";
import { keptBody } from "../errors/kept-body.ts";
import type { Redactor } from "../redaction/redactor.ts";
import type { ValidationMode } from "../validation/violation.ts";
import type { Exchange } from "./exchange.ts";
import { judgeExchange } from "./judge-exchange.ts";
import { requestIdOf } from "./request-id.ts";

export function settleExchange(result: Exchange, mode: ValidationMode, scrubber: Redactor): unknown {
  const { response, bytes, parsed } = result;
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
  const violations = judgeExchange(result, mode);
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
