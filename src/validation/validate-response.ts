// The one response validator shared by the client, the contract tests and the drift check.

import { responseValidators, type Validator } from "../../generated/validators.js";
import { detailedValidators } from "../../generated/validators-detailed.js";
import { isOperationId, type OperationId, operationOf } from "../operations/operation-table.ts";
import { NO_SECRETS, type Redactor } from "../redaction/redactor.ts";
import { explainErrors } from "./explain-errors.ts";
import { numberLiteralAt } from "./number-literal-at.ts";
import type { ValidationMode, Violation } from "./violation.ts";
import { statusViolation } from "./violation-factory.ts";

const byOperation: Readonly<Record<string, Readonly<Record<string, Validator>>>> = responseValidators;

/** The statuses the spec declares for an operation, as strings ("200", "404"…): its operation table row's. */
export function declaredStatuses(operationId: OperationId): string[] {
  return isOperationId(operationId) ? [...operationOf(operationId).statuses] : [];
}

/** The operationIds the spec declares. */
export const operationIds = Object.keys(byOperation) as OperationId[];

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
  { mode = "strict", text, redactor = NO_SECRETS }: ValidateResponseOptions = {},
): Violation[] {
  if (mode === "off") return [];
  const operation = byOperation[operationId];
  if (!operation) throw new TypeError(`unknown operationId "${String(operationId)}"`);
  const validate = operation[String(status)];
  if (!validate) {
    return [statusViolation(Object.keys(operation), status, operationId)];
  }
  if (validate(body)) return [];
  // Only a rejected body pays for collecting every error, and the first one for building the detailed validators.
  const detailed = detailedValidators();
  const explain = (detailed.responseValidators as Readonly<Record<string, Readonly<Record<string, Validator>>>>)[
    operationId
  ]![String(status)]!;
  explain(body);
  const violations = explainErrors(explain.errors ?? [], {
    body,
    branches: detailed.unionBranches,
    redactor,
    ...(text !== undefined ? { numberLiteral: (pointer: string) => numberLiteralAt(text, pointer) } : {}),
  });
  return mode === "tolerant" ? violations.filter((v) => v.kind === "breaking") : violations;
}
