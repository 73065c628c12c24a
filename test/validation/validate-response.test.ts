// validateResponse as every caller sees it: each mode, an undeclared status, an unknown operation, and the raw text
// that lets a report quote a number beyond double range as the server wrote it.
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { BUILT_IN_SPEC } from "../../src/operations/active-spec.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import { specTablesFromDocument } from "../../src/validation/spec-tables-from-document.ts";
import { validateResponse, validateResponseBy } from "../../src/validation/validate-response.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const unknownField = {
  pointer: "/nickname",
  kind: "additive",
  keyword: "additionalProperties",
  message: 'unexpected property "nickname" (not in the spec)',
  expected: "(absent)",
  actual: '"x"',
};

describe("validateResponse", () => {
  it("reports every violation in strict mode (the default), the breaking ones in tolerant mode, none when off", () => {
    const body = { ...completedLog, nickname: "x", status: "archived" };
    const wrongStatus = {
      pointer: "/status",
      kind: "breaking",
      keyword: "enum",
      message: '"archived" is not one of "in-progress" | "completed" | null',
      expected: '"in-progress" | "completed" | null',
      actual: '"archived"',
    };
    expect(validateResponse("get_log", 200, body)).toEqual([unknownField, wrongStatus]);
    expect(validateResponse("get_log", "200", body, { mode: "strict" })).toEqual([unknownField, wrongStatus]);
    expect(validateResponse("get_log", 200, body, { mode: "tolerant" })).toEqual([wrongStatus]);
    expect(validateResponse("get_log", 200, body, { mode: "off" })).toEqual([]);
    expect(validateResponse("get_log", 200, completedLog)).toEqual([]);
  });

  it("says a status the spec does not declare, with the statuses it does", () => {
    expect(validateResponse("get_log", 418, completedLog)).toEqual([
      {
        pointer: "",
        kind: "breaking",
        keyword: "status",
        message: "status 418 is not declared for get_log",
        expected: "one of 200, 400, 401, 403, 404, 422, 500",
        actual: "418",
      },
    ]);
  });

  it("refuses an operationId the spec does not declare, by name", () => {
    expect(() => validateResponse("nope" as never, 200, {})).toThrow(new TypeError('unknown operationId "nope"'));
  });

  it("quotes a number beyond double range as the raw text wrote it, and as JavaScript does without the text", () => {
    const text = JSON.stringify(completedLog).replace(/"charge":[^,]+/, '"charge":1E+400');
    const body = JSON.parse(text);
    const infinite = (written: string) => ({
      pointer: "/charge",
      kind: "breaking",
      keyword: "type",
      expected: "number",
      message: `expected a finite number, got ${written}`,
      actual: written,
    });
    expect(validateResponse("get_log", 200, body, { text })).toEqual([infinite("1E+400")]);
    expect(validateResponse("get_log", 200, body)).toEqual([infinite("Infinity")]);
  });

  it("quotes server text through the redactor it is given", () => {
    const body = { ...completedLog, nickname: "s3cr3t-token-value" };
    const redactor = createSecretsRedactor(["s3cr3t-token-value"]);
    expect(validateResponse("get_log", 200, body, { redactor })).toEqual([{ ...unknownField, actual: '"[REDACTED]"' }]);
  });
});

describe("specTablesFromDocument", () => {
  it("names the file it was read from, when given one, and builds the detailed validators once", () => {
    const document = loadSpec();
    expect(specTablesFromDocument(document, "my-spec.yaml").file).toBe("my-spec.yaml");
    const tables = specTablesFromDocument(document);
    expect("file" in tables).toBe(false);
    expect(tables.detailed()).toBe(tables.detailed());
    expect(tables.unionBranchShapes).toEqual(BUILT_IN_SPEC.unionBranchShapes);
    expect(Object.keys(tables.unionBranchShapes).length).toBeGreaterThan(0);
    expect(validateResponseBy(tables, "get_log", 200, { ...completedLog, nickname: "x" })).toEqual([unknownField]);
  });
});
