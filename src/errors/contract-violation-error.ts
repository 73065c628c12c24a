import type { Violation } from "../validation/violation.ts";
import type { KeptBody, TruncatedBody } from "./kept-body.ts";
import { VideoLogsError } from "./video-logs-error.ts";

/**
 * The request succeeded but the response does not match the spec (in the client's validation mode): a body that
 * breaks its schema, or a 2xx body that is not JSON at all. It stands apart from the HTTP errors on purpose: the
 * server answered; the data is what is wrong. `body` holds what was received: the parsed body when the raw body is at
 * most 64 KiB, otherwise (or when it is not JSON) its text, cut to a {@link TruncatedBody} past 4096 characters. A 2xx
 * body that is not UTF-8 is a violation too (keyword `encoding`). The client's credentials are scrubbed from it.
 *
 * @example
 * catch (e) { if (isContractViolationError(e)) for (const v of e.violations) console.warn(v.pointer, v.message); }
 */
export class ContractViolationError extends VideoLogsError {
  override name = "ContractViolationError";
  readonly operation: string;
  readonly status: number;
  readonly violations: Violation[];
  readonly body: KeptBody;

  constructor(operation: string, status: number, violations: Violation[], body: KeptBody) {
    const first = violations[0];
    const more = violations.length > 1 ? ` (+${violations.length - 1} more)` : "";
    super(
      `Response of ${operation} (${status}) does not match the spec: ${first ? `${first.pointer || "/"} ${first.message}` : "unknown"}${more}`,
    );
    this.operation = operation;
    this.status = status;
    this.violations = violations;
    this.body = body;
  }
}

export function isContractViolationError(error: unknown): error is ContractViolationError {
  return error instanceof ContractViolationError;
}
