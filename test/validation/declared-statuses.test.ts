import { describe, expect, it } from "vitest";
import { operationOf } from "../../src/operations/operation-table.ts";
import { declaredStatuses, operationIds } from "../../src/validation/validate-response.ts";

describe("declaredStatuses", () => {
  it("gives the statuses of the operation table, in document order", () => {
    expect(declaredStatuses("get_log")).toEqual(["200", "400", "401", "403", "404", "422", "500"]);
    for (const operationId of operationIds)
      expect(declaredStatuses(operationId)).toEqual(operationOf(operationId).statuses);
  });

  it("gives no statuses for an operationId the spec does not declare", () => {
    expect(declaredStatuses("nope" as never)).toEqual([]);
  });

  it("gives a copy the caller may change without changing the table", () => {
    declaredStatuses("list_logs").push("999");
    expect(declaredStatuses("list_logs")).not.toContain("999");
  });
});
