// The one parse-and-validate path: what an exchange's body violates, in a validation mode. The client throws with
// these, the drift check reports them.
import { validateResponse } from "../validation/validate-response.ts";
import type { ValidationMode, Violation } from "../validation/violation.ts";
import { depthViolation } from "../validation/violation-factory.ts";
import type { Exchange } from "./exchange.ts";

/**
 * A body that is not JSON (or not UTF-8) is a violation in every mode, `off` included: it is not a value of any
 * declared type. Otherwise the schema of the operation and status, per the mode; a status the spec does not declare
 * is a violation too. A body nested deeper than the validator's stack is a violation, not a crash.
 */
export function judgeExchange(exchange: Exchange, mode: ValidationMode): Violation[] {
  const { parsed } = exchange;
  if (!parsed.ok) return [parsed.violation];
  try {
    return validateResponse(exchange.operationId, exchange.response.status, parsed.body, {
      mode,
      text: parsed.text,
      redactor: exchange.redactor,
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [depthViolation()];
  }
}

/**
 * What `judgeExchange(exchange, mode)` gives, from the strict violations it gave already (the client's `onDrift`
 * judges every response in strict mode): a body that is not JSON in every mode, additive ones only when strict.
 */
export function violationsInMode(strict: Violation[], mode: ValidationMode, exchange: Exchange): Violation[] {
  if (!exchange.parsed.ok || mode === "strict") return strict;
  return mode === "off" ? [] : strict.filter((violation) => violation.kind === "breaking");
}
