// The one response validator shared by the client, the contract tests and the drift check: it judges by the active
// spec (src/operations/active-spec.ts), the built-in one unless a command chose another.

import { activeSpec, BUILT_IN_SPEC, type SpecTables } from "../operations/active-spec.ts";
import { isOperationId, type OperationId, operationOf } from "../operations/operation-table.ts";
import { NO_SECRETS, type Redactor } from "../redaction/redactor.ts";
import { explainErrors } from "./explain-errors.ts";
import { numberLiteralAt } from "./number-literal-at.ts";
import type { ValidationMode, Violation } from "./violation.ts";
import { statusViolation } from "./violation-factory.ts";

/** The statuses the spec declares for an operation, as strings ("200", "404"…): its operation table row's. */
export function declaredStatuses(operationId: OperationId): string[] {
  return isOperationId(operationId) ? [...operationOf(operationId).statuses] : [];
}

/** The operationIds the built-in spec declares. */
export const operationIds = Object.keys(BUILT_IN_SPEC.responseValidators) as OperationId[];

export interface ValidateResponseOptions {
  /** `strict` reports every violation, `tolerant` only breaking ones, `off` nothing. Default `strict`. */
  mode?: ValidationMode;
  /** The raw text `body` was parsed from, when known: a report then quotes a number beyond double range as written. */
  text?: string;
  /** Removes credentials from the server text a violation quotes, before it is cut. Default: none to remove. */
  redactor?: Redactor;
}

/**
 * Checks a parsed response body against the spec's schema for that operation and status. A status the spec does not
 * declare is itself a breaking violation.
 */
export function validateResponse(
  operationId: OperationId,
  status: number | string,
  body: unknown,
  options: ValidateResponseOptions = {},
): Violation[] {
  return validateResponseBy(activeSpec(), operationId, status, body, options);
}

/** `validateResponse` by the tables of one spec, whichever is active. */
export function validateResponseBy(
  spec: SpecTables,
  operationId: string,
  status: number | string,
  body: unknown,
  { mode, text, redactor = NO_SECRETS }: ValidateResponseOptions = {},
): Violation[] {
  // No default needed for `mode`: strict is every mode but off and tolerant.
  if (mode === "off") return [];
  const operation = spec.responseValidators[operationId];
  if (!operation) throw new TypeError(`unknown operationId "${String(operationId)}"`);
  const validate = operation[String(status)];
  if (!validate) {
    return [statusViolation(Object.keys(operation), status, operationId)];
  }
  if (validate(body)) return [];
  // Only a rejected body pays for collecting every error, and the first one for building the detailed validators.
  const detailed = spec.detailed();
  const explain = detailed.responseValidators[operationId]![String(status)]!;
  explain(body);
  const violations = explainErrors(explain.errors ?? [], {
    body,
    branches: detailed.unionBranches,
    redactor,
    ...(text !== undefined ? { numberLiteral: (pointer: string) => numberLiteralAt(text, pointer) } : {}),
  });
  return mode === "tolerant" ? violations.filter((v) => v.kind === "breaking") : violations;
}
