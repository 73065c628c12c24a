// Each keyword's violation in full (pointer, kind, keyword, message, expected, actual), from the errors a detailed
// validator gives: what a report says of each one.
import { describe, expect, it } from "vitest";
import type { UnionBranch, ValidationError } from "../../generated/validators-detailed.js";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import { explainErrors } from "../../src/validation/explain-errors.ts";

const error = (keyword: string, instancePath: string, params: Record<string, unknown>, more = {}): ValidationError => ({
  keyword,
  instancePath,
  schemaPath: `#/${keyword}`,
  params,
  ...more,
});
const explain = (errors: ValidationError[], body: unknown, more = {}) =>
  explainErrors(errors, { body, branches: {}, redactor: NO_SECRETS, ...more });

describe("explainErrors says what each failed keyword means", () => {
  it("a property the spec does not declare: additive, at the property's own pointer, its name quoted", () => {
    const body = { log: { "a/b~c": [1, 2] } };
    expect(explain([error("additionalProperties", "/log", { additionalProperty: "a/b~c" })], body)).toEqual([
      {
        pointer: "/log/a~1b~0c",
        kind: "additive",
        keyword: "additionalProperties",
        message: 'unexpected property "a/b~c" (not in the spec)',
        expected: "(absent)",
        actual: "[1,2]",
      },
    ]);
  });

  it("a missing required property: breaking, at the property's pointer, present expected and absent found", () => {
    expect(explain([error("required", "/data/0", { missingProperty: "id/x" })], { data: [{}] })).toEqual([
      {
        pointer: "/data/0/id~1x",
        kind: "breaking",
        keyword: "required",
        message: 'missing required property "id/x"',
        expected: "present",
        actual: "(absent)",
      },
    ]);
  });

  it("a wrong type: the types expected joined by or, and the type found (an integer called so)", () => {
    const body = { a: 3, b: [1], c: null, d: 1.5, e: "x" };
    const types = (path: string, type: unknown) => error("type", path, { type });
    expect(
      explain(
        [types("/a", "string"), types("/b", ["string", "null"]), types("/c", "object"), types("/d", "integer")],
        body,
      ),
    ).toEqual([
      {
        pointer: "/a",
        kind: "breaking",
        keyword: "type",
        expected: "string",
        message: "expected string, got integer",
        actual: "3",
      },
      {
        pointer: "/b",
        kind: "breaking",
        keyword: "type",
        expected: "string or null",
        message: "expected string or null, got array",
        actual: "[1]",
      },
      {
        pointer: "/c",
        kind: "breaking",
        keyword: "type",
        expected: "object",
        message: "expected object, got null",
        actual: "null",
      },
      {
        pointer: "/d",
        kind: "breaking",
        keyword: "type",
        expected: "integer",
        message: "expected integer, got number",
        actual: "1.5",
      },
    ]);
  });

  it("a number beyond double range: quoted as the server wrote it, and a finite number expected", () => {
    const body = { n: Number.POSITIVE_INFINITY, s: Number.NEGATIVE_INFINITY };
    const numberLiteral = (pointer: string) => (pointer === "/n" ? "1e400" : undefined);
    expect(
      explain([error("type", "/n", { type: "number" }), error("type", "/s", { type: "string" })], body, {
        numberLiteral,
      }),
    ).toEqual([
      {
        pointer: "/n",
        kind: "breaking",
        keyword: "type",
        expected: "number",
        message: "expected a finite number, got 1e400",
        actual: "1e400",
      },
      // No literal known: JavaScript's spelling; a string expected is not called finite.
      {
        pointer: "/s",
        kind: "breaking",
        keyword: "type",
        expected: "string",
        message: "expected string, got -Infinity",
        actual: "-Infinity",
      },
    ]);
  });

  it("a value outside an enum: the allowed values as JSON, joined by |", () => {
    expect(explain([error("enum", "/status", { allowedValues: ["done", 2, null] })], { status: "gone" })).toEqual([
      {
        pointer: "/status",
        kind: "breaking",
        keyword: "enum",
        message: '"gone" is not one of "done" | 2 | null',
        expected: '"done" | 2 | null',
        actual: '"gone"',
      },
    ]);
  });

  it("a string of the wrong format: the format named, expected and in the message", () => {
    expect(explain([error("format", "/at", { format: "date-time" })], { at: "yesterday" })).toEqual([
      {
        pointer: "/at",
        kind: "breaking",
        keyword: "format",
        message: '"yesterday" is not a valid date-time',
        expected: "format date-time",
        actual: '"yesterday"',
      },
    ]);
  });

  it("any other keyword: the validator's message, or the keyword's name when it has none, and the schema's value", () => {
    const body = { n: 5, s: "abc" };
    const errors = [
      error("maximum", "/n", { limit: 3 }, { message: "must be <= 3", schema: 3 }),
      error("maxLength", "/s", { limit: 2 }, { schema: 2 }),
    ];
    expect(explain(errors, body)).toEqual([
      {
        pointer: "/n",
        kind: "breaking",
        keyword: "maximum",
        message: "must be <= 3",
        expected: "maximum 3",
        actual: "5",
      },
      {
        pointer: "/s",
        kind: "breaking",
        keyword: "maxLength",
        message: 'fails "maxLength"',
        expected: "maxLength 2",
        actual: '"abc"',
      },
    ]);
  });

  it("quotes server text through the redactor: a secret in a value or a property name is never shown", () => {
    const redactor = createSecretsRedactor(["s3cr3t-token-value"]);
    const body = { "s3cr3t-token-value": "s3cr3t-token-value", v: "s3cr3t-token-value" };
    const errors = [
      error("additionalProperties", "", { additionalProperty: "s3cr3t-token-value" }),
      error("enum", "/v", { allowedValues: ["a"] }),
    ];
    expect(explain(errors, body, { redactor })).toEqual([
      {
        pointer: "/s3cr3t-token-value",
        kind: "additive",
        keyword: "additionalProperties",
        message: 'unexpected property "[REDACTED]" (not in the spec)',
        expected: "(absent)",
        actual: '"[REDACTED]"',
      },
      {
        pointer: "/v",
        kind: "breaking",
        keyword: "enum",
        message: '"[REDACTED]" is not one of "a"',
        expected: '"a"',
        actual: '"[REDACTED]"',
      },
    ]);
  });

  it("reports the same violation once, and two that differ only in message twice", () => {
    const twice = error("required", "", { missingProperty: "id" });
    const other = error("maximum", "/n", { limit: 1 }, { message: "must be <= 1", schema: 1 });
    const otherMessage = error("maximum", "/n", { limit: 1 }, { message: "must be at most 1", schema: 1 });
    expect(explain([twice, twice, other, otherMessage], { n: 2 }).map((v) => v.message)).toEqual([
      'missing required property "id"',
      "must be <= 1",
      "must be at most 1",
    ]);
  });
});

describe("explainErrors explains a failed union of named object schemas by the branch the branch rule chooses", () => {
  /** A branch whose validator fails with `errors` (or passes, when there are none). */
  const branch = (required: string[], properties: string[], errors: ValidationError[] | null): UnionBranch => {
    const validate = Object.assign(() => errors !== null && errors.length === 0, { errors });
    return { validate, required, properties };
  };
  const union = (keyword: string, instancePath: string, schema: unknown) =>
    error(keyword, instancePath, {}, { schema, message: `must match a schema in ${keyword}` });
  const refs = [{ $ref: "#A" }, { $ref: "#B" }];
  const extra = error("additionalProperties", "", { additionalProperty: "x" });
  const branches = {
    "#A": branch(["a"], ["a"], [extra]),
    "#B": branch(["b"], ["b", "c"], [error("required", "", { missingProperty: "b" })]),
  };
  const additiveX = (at: string) => ({
    pointer: `${at}/x`,
    kind: "additive",
    keyword: "additionalProperties",
    message: 'unexpected property "x" (not in the spec)',
    expected: "(absent)",
    actual: "2",
  });
  const wrongType = (pointer: string, actual: string) => ({
    pointer,
    kind: "breaking",
    keyword: "type",
    expected: "string",
    message: "expected string, got integer",
    actual,
  });

  it.each(["anyOf", "oneOf"])(
    "%s: the chosen branch's violations at the union's pointer, after the others; ajv's errors inside dropped",
    (keyword) => {
      const body = { item: { a: 1, x: 2, deep: { y: 1 } }, itemx: 3, other: 4 };
      const errors = [
        error("required", "/item", { missingProperty: "b" }),
        error("type", "/item/deep/y", { type: "string" }),
        union(keyword, "/item", refs),
        union(keyword, "/item", refs),
        error("type", "/itemx", { type: "string" }),
        error("type", "/other", { type: "string" }),
      ];
      expect(explain(errors, body, { branches })).toEqual([
        wrongType("/itemx", "3"),
        wrongType("/other", "4"),
        additiveX("/item"),
      ]);
    },
  );

  it("explains a union whose value is null or not an object by its first branch: no branch has any evidence", () => {
    const typeOfItem = error("type", "", { type: "object" });
    const first = { ...branches, "#A": branch(["a"], ["a"], [typeOfItem]) };
    const notAnObject = (actual: string) => ({
      pointer: "/item",
      kind: "breaking",
      keyword: "type",
      expected: "object",
      message: `expected object, got ${actual}`,
      actual,
    });
    expect(explain([union("oneOf", "/item", refs)], { item: null }, { branches: first })).toEqual([
      notAnObject("null"),
    ]);
    expect(explain([union("oneOf", "/item", refs)], { item: "b" }, { branches: first })).toEqual([
      { ...notAnObject("string"), actual: '"b"' },
    ]);
  });

  it("explains each of two unions that fail at one pointer by its own chosen branch", () => {
    const body = { item: { a: 1, x: 2 } };
    const typeOfA = error("type", "/a", { type: "string" });
    const more = {
      ...branches,
      "#C": branch(["a"], ["a", "x"], [typeOfA]),
      "#D": branch(["d"], ["d"], [error("required", "", { missingProperty: "d" })]),
    };
    const errors = [union("anyOf", "/item", refs), union("anyOf", "/item", [{ $ref: "#C" }, { $ref: "#D" }])];
    expect(explain(errors, body, { branches: more })).toEqual([additiveX("/item"), wrongType("/item/a", "1")]);
  });

  it("does not take an enum whose allowed values look like references for a union", () => {
    const allowed = [{ $ref: "#A" }, { $ref: "#B" }];
    const body = { item: { a: 1, x: 2 } };
    const enumError = error("enum", "/item", { allowedValues: allowed }, { schema: allowed });
    expect(explain([enumError], body, { branches })).toEqual([
      {
        pointer: "/item",
        kind: "breaking",
        keyword: "enum",
        message: '{"a":1,"x":2} is not one of {"$ref":"#A"} | {"$ref":"#B"}',
        expected: '{"$ref":"#A"} | {"$ref":"#B"}',
        actual: '{"a":1,"x":2}',
      },
    ]);
  });

  it("explains a union at the root, dropping every error of ajv's", () => {
    const body = { a: 1, x: 2 };
    const errors = [error("type", "/a", { type: "string" }), union("anyOf", "", refs)];
    expect(explain(errors, body, { branches })).toEqual([additiveX("")]);
  });

  it("leaves ajv's errors standing when the union's schema is not a list of references to known object schemas", () => {
    const body = { item: { a: 1 } };
    for (const schema of [undefined, { $ref: "#A" }, [{ $ref: "#A" }, null], [{ $ref: 5 }], [{ $ref: "#C" }], [{}]]) {
      expect(explain([union("anyOf", "/item", schema)], body, { branches }), JSON.stringify(schema)).toEqual([
        {
          pointer: "/item",
          kind: "breaking",
          keyword: "anyOf",
          message: "must match a schema in anyOf",
          expected: `anyOf ${schema === undefined ? "(absent)" : JSON.stringify(schema)}`,
          actual: '{"a":1}',
        },
      ]);
    }
  });

  it("takes the branch with the most evidence, not the first: a value of B is explained by B", () => {
    const body = { item: { b: 1, c: 2, x: 2 } };
    const b = branch(["b"], ["b", "c"], [extra]);
    const a = branch(["a"], ["a"], [error("required", "", { missingProperty: "a" })]);
    expect(explain([union("anyOf", "/item", refs)], body, { branches: { "#A": a, "#B": b } })).toEqual([
      additiveX("/item"),
    ]);
  });
});

describe("explainErrors on a number beyond double range where an integer or null is expected", () => {
  it("calls the integer finite", () => {
    const body = { n: Number.NEGATIVE_INFINITY };
    expect(
      explain([error("type", "/n", { type: ["integer", "null"] })], body, { numberLiteral: () => "-1e999" }),
    ).toEqual([
      {
        pointer: "/n",
        kind: "breaking",
        keyword: "type",
        expected: "integer or null",
        message: "expected a finite integer or null, got -1e999",
        actual: "-1e999",
      },
    ]);
  });
});

describe("explainErrors reports two violations that differ in where pointer, keyword and message split", () => {
  it("keeps both, though their pointer, keyword and message written together are the same text", () => {
    const body = { a: 1, ab: 2 };
    const errors = [
      error("bc", "/a", {}, { message: "m", schema: 1 }),
      error("c", "/ab", {}, { message: "m", schema: 1 }),
    ];
    expect(explain(errors, body).map((v) => `${v.pointer} ${v.keyword}`)).toEqual(["/a bc", "/ab c"]);
  });
});
