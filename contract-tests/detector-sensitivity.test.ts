import { describe, expect, it } from "vitest";
import { validateResponse } from "../src/validation/validate-response.ts";
import { loadFixtureTable } from "./lib/fixture-tables.ts";

const invalid = loadFixtureTable("invalid");
const valid = loadFixtureTable("valid");

describe("the drift detector", () => {
  it("has drifted and valid fixtures to judge", () => {
    expect(invalid.length).toBeGreaterThanOrEqual(10);
    expect(valid.length).toBeGreaterThanOrEqual(5);
  });

  it.each(invalid)("flags $name with the right pointers and kinds", ({ operationId, status, body, violations }) => {
    expect(violations?.length, "an invalid fixture must list the violations it holds").toBeGreaterThan(0);
    const found = validateResponse(operationId, status, body, { mode: "strict" });
    const summary = found.map(({ pointer, kind }) => ({ pointer, kind }));
    expect(summary).toEqual(expect.arrayContaining(violations ?? []));
    expect(summary).toHaveLength(violations?.length ?? 0);
  });

  it.each(invalid.filter((f) => f.violations?.every((v) => v.kind === "additive")))(
    "lets $name through in tolerant mode, because it only adds fields",
    ({ operationId, status, body }) => {
      expect(validateResponse(operationId, status, body, { mode: "tolerant" })).toEqual([]);
    },
  );

  it.each(valid)("passes $name", ({ operationId, status, body }) => {
    expect(validateResponse(operationId, status, body, { mode: "strict" })).toEqual([]);
  });

  it("reports a status the spec does not declare as breaking", () => {
    expect(validateResponse("list_logs", 404, { error: "Not Found" })).toMatchObject([
      { pointer: "", kind: "breaking", keyword: "status" },
    ]);
  });

  it("reports nothing at all in off mode", () => {
    const drifted = invalid[0]!;
    expect(validateResponse(drifted.operationId, drifted.status, drifted.body, { mode: "off" })).toEqual([]);
  });
});
