import type { Violation } from "../validation/violation.ts";
import { VideoLogsError } from "./video-logs-error.ts";

/**
 * The request succeeded but the response does not match the spec (in the client's validation mode): a body that
 * breaks its schema, or a 2xx body that is not JSON at all. It stands apart from the HTTP errors on purpose: the
 * server answered; the data is what is wrong. `body` holds what was received.
 *
 * @example
 * catch (e) { if (isContractViolationError(e)) for (const v of e.violations) console.warn(v.pointer, v.message); }
 */
export class ContractViolationError extends VideoLogsError {
  override name = "ContractViolationError";
  readonly operation: string;
  readonly status: number;
  readonly violations: Violation[];
  readonly body: unknown;

  constructor(operation: string, status: number, violations: Violation[], body: unknown) {
    const first = violations[0];
    const more = violations.length > 1 ? ` (+${violations.length - 1} more)` : "";
    super(`Response of ${operation} (${status}) does not match the spec: ${first ? `${first.pointer || "/"} ${first.message}` : "unknown"}${more}`);
    this.operation = operation;
    this.status = status;
    this.violations = violations;
    this.body = body;
  }
}

export function isContractViolationError(error: unknown): error is ContractViolationError {
  return error instanceof ContractViolationError;
}
