// The drift check's call to the validator, kept from ending the whole run on a body nested too deeply to recurse into.
import { validateResponse, type OperationId } from "../validation/validate-response.ts";
import type { Violation } from "../validation/violation.ts";

/**
 * Strict validation; a body deeper than the validator's stack is a breaking violation of its check, not a crash. The
 * raw text, when known, lets a number beyond double range be quoted as the server wrote it.
 */
export function validateWithinStack(operation: OperationId, status: number, body: unknown, text?: string): Violation[] {
  try {
    return validateResponse(operation, status, body, { mode: "strict", text });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [
      {
        pointer: "",
        kind: "breaking",
        keyword: "depth",
        message: "the body is nested too deeply to validate",
        expected: "a body the spec describes",
        actual: "nesting deeper than the validator's stack",
      },
    ];
  }
}
