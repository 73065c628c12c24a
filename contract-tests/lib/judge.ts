// The judge of every contract test: the shared validator in strict mode, with readable failures.
import { expect } from "vitest";
import type { OperationId } from "../../src/operations/operation-table.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";

/** Asserts the body matches the spec for this operation and status, listing every violation when it does not. */
export function expectConforms(operationId: OperationId, status: number, body: unknown): void {
  const violations = validateResponse(operationId, status, body, { mode: "strict" });
  expect(
    violations.map((v) => `${v.kind} ${v.pointer || "/"}: ${v.message}`),
    `${operationId} ${status} should match the spec`,
  ).toEqual([]);
}
