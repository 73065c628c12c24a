// Equivalent spellings of one schema normalise to the same node, so they never show up as differences.
import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../src/diff/compare-schemas.ts";
import { DocumentError } from "../../src/diff/load-document.ts";
import { normalizeSchema } from "../../src/diff/normalize-schema.ts";
import { asDocument, type Doc, readFixture } from "./helpers.ts";

/** Normalises `schema` inside a document whose components are `components`. */
function normalized(schema: unknown, components: Record<string, unknown> = {}) {
  const doc: Doc = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {},
    components: { schemas: components },
  };
  return normalizeSchema(asDocument(doc, "ours"), schema, "/schema");
}

function sameShape(a: unknown, b: unknown, components: Record<string, unknown> = {}) {
  return compareSchemas(normalized(a, components), normalized(b, components), {
    context: "response",
    operation: "GET /x",
    subject: "body",
  });
}

describe("schema normalisation", () => {
  it("treats anyOf [T, null], type [T, null] and 3.0 nullable: true as the same nullable type", () => {
    const spellings = [
      { anyOf: [{ type: "string" }, { type: "null" }] },
      { type: ["string", "null"] },
      { type: "string", nullable: true },
    ];
    for (const spelling of spellings) {
      expect(normalized(spelling)).toMatchObject({ types: ["string"], nullable: true });
      expect(sameShape(spellings[0], spelling)).toEqual([]);
    }
  });

  it("tells a nullable type from a non-nullable one", () => {
    expect(sameShape({ type: "string" }, { anyOf: [{ type: "string" }, { type: "null" }] })).toMatchObject([
      { kind: "became-nullable" },
    ]);
  });

  it("treats allOf with a single $ref and a sibling description as the referenced schema", () => {
    const components = { Id: { type: "string", format: "uuid", description: "An id." } };
    const wrapped = {
      allOf: [{ $ref: "#/components/schemas/Id" }],
      description: "The id of the thing.",
      examples: ["x"],
    };
    expect(sameShape({ $ref: "#/components/schemas/Id" }, wrapped, components)).toEqual([]);
    expect(normalized(wrapped, components).pointer).toBe("/components/schemas/Id");
  });

  it("treats a nullable $ref written as anyOf [$ref, null] like an enum that lists null", () => {
    const components = { Status: { type: "string", enum: ["open", "closed"] } };
    const vendor = { anyOf: [{ $ref: "#/components/schemas/Status" }, { type: "null" }], description: "Status." };
    const ours = { type: ["string", "null"], enum: ["open", "closed", null] };
    expect(sameShape(ours, vendor, components)).toEqual([]);
  });

  it("treats unevaluatedProperties false or {not: {}} as additionalProperties false", () => {
    const shape = { type: "object", properties: { a: { type: "string" } } };
    for (const closing of [
      { additionalProperties: false },
      { unevaluatedProperties: false },
      { unevaluatedProperties: { not: {} } },
    ]) {
      expect(normalized({ ...shape, ...closing }).closed).toBe(true);
    }
    expect(normalized(shape).closed).toBe(false);
    expect(normalized({ ...shape, additionalProperties: { type: "string" } }).closed).toBe(false);
  });

  it("folds string alternatives that differ only in format into one string with several formats", () => {
    const dateOrDateTime = {
      type: "string",
      anyOf: [
        { type: "string", format: "date" },
        { type: "string", format: "date-time" },
      ],
    };
    expect(normalized(dateOrDateTime)).toMatchObject({
      types: ["string"],
      formats: new Map([["string", ["date", "date-time"]]]),
      nullable: false,
    });
    expect(normalized(dateOrDateTime).variants).toBeUndefined();
  });

  it("reads allOf of type number and type integer as an integer, since every integer is a number", () => {
    expect(normalized({ allOf: [{ type: "number" }, { type: "integer" }] })).toMatchObject({ types: ["integer"] });
    expect(normalized({ allOf: [{ type: ["number", "string"] }, { type: "number" }] })).toMatchObject({
      types: ["number"],
    });
    expect(sameShape({ type: "integer" }, { allOf: [{ type: "number" }, { type: "integer" }] })).toEqual([]);
  });

  it("treats allOf of a number-or-string union and type number as the union's number, format included", () => {
    const double = { type: "number", format: "double" };
    const narrowed = { allOf: [{ anyOf: [double, { type: "string" }] }, { type: "number" }] };
    expect(sameShape(double, narrowed)).toEqual([]);
    expect(normalized(narrowed).formats).toEqual(new Map([["number", ["double"]]]));
  });

  it("keeps object alternatives apart as variants", () => {
    const node = normalized({
      anyOf: [
        { type: "object", properties: { a: {} } },
        { type: "object", properties: { b: {} } },
      ],
    });
    expect(node.variants).toHaveLength(2);
  });

  it("ignores descriptions, titles and examples", () => {
    const plain = { type: "object", required: ["a"], properties: { a: { type: "integer" } } };
    const annotated = {
      ...plain,
      title: "Thing",
      description: "A thing.",
      examples: [{ a: 1 }],
      properties: { a: { type: "integer", description: "A.", example: 3 } },
    };
    expect(sameShape(plain, annotated)).toEqual([]);
  });

  it("reads 3.0 boolean exclusive bounds as 3.1 numeric ones", () => {
    expect(normalized({ type: "integer", minimum: 0, exclusiveMinimum: true }).bounds).toEqual({ exclusiveMinimum: 0 });
    expect(
      sameShape({ type: "integer", exclusiveMaximum: 10 }, { type: "integer", maximum: 10, exclusiveMaximum: true }),
    ).toEqual([]);
  });

  it("cuts $ref cycles instead of recursing forever", () => {
    const doc = readFixture("recursive.yaml");
    const node = normalizeSchema(asDocument(doc, "ours"), { $ref: "#/components/schemas/Folder" }, "/x");
    expect(node.properties.get("children")?.schema.items?.recursive).toBe(true);
    expect(node.properties.get("parent")?.schema).toMatchObject({ recursive: true, nullable: true });
  });
});

describe("$ref cycles", () => {
  const A = "#/components/schemas/A";
  const B = "#/components/schemas/B";

  /** The error normalising `schema` throws, among `components`. */
  function cycleError(schema: unknown, components: Record<string, unknown>): unknown {
    try {
      normalized(schema, components);
    } catch (error) {
      return error;
    }
    throw new Error("no error");
  }

  it("refuses a cycle of $refs alone (A → B → A) as an error of the document, naming the cycle", () => {
    const error = cycleError({ $ref: A }, { A: { $ref: B }, B: { $ref: A } });
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).side).toBe("ours");
    expect((error as Error).message).toBe(
      'ours document "ours.yaml": circular $ref "#/components/schemas/A" at /components/schemas/B ' +
        "(#/components/schemas/A → #/components/schemas/B → #/components/schemas/A: a cycle of references that never reaches a schema)",
    );
  });

  it("refuses a schema that is a $ref to itself", () => {
    expect((cycleError({ $ref: A }, { A: { $ref: A } }) as Error).message).toContain(
      "(#/components/schemas/A → #/components/schemas/A: a cycle of references that never reaches a schema)",
    );
  });

  it("refuses a cycle through allOf and beside sibling keywords, which are the same value's schemas too", () => {
    const components = { A: { allOf: [{ $ref: B }], description: "a" }, B: { type: "object", $ref: A } };
    expect((cycleError({ $ref: A }, components) as Error).message).toContain(
      "(#/components/schemas/A → #/components/schemas/B → #/components/schemas/A: a cycle",
    );
  });

  it("refuses the cycle wherever the walk enters it, named from there", () => {
    const components = { Page: { type: "object", properties: { next: { $ref: B } } }, A: { $ref: B }, B: { $ref: A } };
    expect((cycleError({ $ref: "#/components/schemas/Page" }, components) as Error).message).toContain(
      "(#/components/schemas/B → #/components/schemas/A → #/components/schemas/B: a cycle",
    );
  });

  it("keeps a recursive schema whose $ref comes back through a property, the items or an alternative", () => {
    const components = {
      Node: {
        type: "object",
        properties: {
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          parent: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] },
          first: { $ref: "#/components/schemas/Node" },
        },
      },
    };
    const node = normalized({ $ref: "#/components/schemas/Node" }, components);
    expect(node.properties.get("children")?.schema.items?.recursive).toBe(true);
    expect(node.properties.get("parent")?.schema).toMatchObject({ recursive: true, nullable: true });
    expect(node.properties.get("first")?.schema.recursive).toBe(true);
  });
});
