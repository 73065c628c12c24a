import { describe, expect, it } from "vitest";
import { DowngradeError, downgradeTo30 } from "../../scripts/lib/downgrade.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";

/** A minimal 3.1 document whose only content is the given component schemas. */
function docWith(schemas: Record<string, unknown>, extra: Record<string, unknown> = {}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "t", version: "1", summary: "s", license: { name: "MIT", identifier: "MIT" } },
    paths: {},
    components: { schemas },
    ...extra,
  };
}

const schemasOf = (doc: OpenApiDocument): Record<string, any> => doc.components.schemas;

describe("downgrading OpenAPI 3.1 to 3.0.3", () => {
  it("relabels the document 3.0.3 and drops the 3.1-only top-level and info fields, keeping the license as a url", () => {
    const out = downgradeTo30(docWith({}));
    expect(out.openapi).toBe("3.0.3");
    expect(out).not.toHaveProperty("jsonSchemaDialect");
    expect(out.info).toEqual({
      title: "t",
      version: "1",
      license: { name: "MIT", url: "https://spdx.org/licenses/MIT.html" },
    });
  });

  it("keeps an existing license url instead of replacing it with the SPDX one", () => {
    const doc = docWith({});
    doc.info.license = { name: "MIT", identifier: "MIT", url: "https://example.org/LICENSE" };
    expect(downgradeTo30(doc).info.license).toEqual({ name: "MIT", url: "https://example.org/LICENSE" });
  });

  it("turns a [T, null] type into T plus nullable, at any depth", () => {
    const out = downgradeTo30(
      docWith({
        A: {
          type: "object",
          properties: {
            name: { type: ["string", "null"] },
            tags: { type: "array", items: { type: ["integer", "null"] } },
          },
        },
      }),
    );
    expect(schemasOf(out).A.properties.name).toEqual({ type: "string", nullable: true });
    expect(schemasOf(out).A.properties.tags.items).toEqual({ type: "integer", nullable: true });
  });

  it("keeps null among the values of a nullable enum, as 3.0 requires", () => {
    const out = downgradeTo30(docWith({ S: { type: ["string", "null"], enum: ["a", "b", null] } }));
    expect(schemasOf(out).S).toEqual({ type: "string", nullable: true, enum: ["a", "b", null] });
  });

  it("spreads a list of several non-null types over an anyOf, each branch nullable when null was listed", () => {
    const out = downgradeTo30(docWith({ N: { type: ["string", "integer", "null"], minimum: 1 } }));
    expect(schemasOf(out).N).toEqual({
      minimum: 1,
      anyOf: [
        { type: "string", nullable: true },
        { type: "integer", nullable: true },
      ],
    });
  });

  it("turns schema examples into a single example and const into a one-value enum", () => {
    const out = downgradeTo30(docWith({ C: { type: "string", const: "x", examples: ["x", "y"] } }));
    expect(schemasOf(out).C).toEqual({ type: "string", enum: ["x"], example: "x" });
  });

  it("turns numeric exclusive bounds into the boolean 3.0 form", () => {
    const out = downgradeTo30(
      docWith({ R: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 10, maximum: 5 } }),
    );
    // maximum 5 is tighter than "below 10", so the exclusive upper bound goes.
    expect(schemasOf(out).R).toEqual({ type: "number", minimum: 0, exclusiveMinimum: true, maximum: 5 });
  });

  it("moves a $ref that has siblings into an allOf so that 3.0 tools still honour the siblings", () => {
    const out = downgradeTo30(
      docWith({ U: { type: "string" }, P: { $ref: "#/components/schemas/U", description: "d", $comment: "c" } }),
    );
    expect(schemasOf(out).P).toEqual({ description: "d", allOf: [{ $ref: "#/components/schemas/U" }] });
  });

  it("keeps media-type examples maps and strips summary/description beside a response $ref", () => {
    const doc = docWith(
      { U: { type: "string" } },
      {
        paths: {
          "/x": {
            get: {
              responses: {
                "200": {
                  description: "ok",
                  content: {
                    "application/json": {
                      schema: { type: ["string", "null"], examples: ["a"] },
                      examples: { one: { value: "a" } },
                    },
                  },
                },
                "404": { $ref: "#/components/responses/Missing", description: "override" },
              },
            },
          },
        },
      },
    );
    doc.components.responses = { Missing: { description: "gone" } };
    const op = downgradeTo30(doc).paths["/x"].get;
    expect(op.responses["200"].content["application/json"]).toEqual({
      schema: { type: "string", nullable: true, example: "a" },
      examples: { one: { value: "a" } },
    });
    expect(op.responses["404"]).toEqual({ $ref: "#/components/responses/Missing" });
  });

  it("downgrades path-level parameters, operation parameters and callbacks, and keeps a path item $ref as a reference", () => {
    const nullable = { type: ["integer", "null"], exclusiveMinimum: 0 };
    const doc = docWith(
      {},
      {
        paths: {
          "/a": {
            parameters: [{ name: "p", in: "query", schema: structuredClone(nullable) }],
            get: {
              parameters: [{ name: "q", in: "query", schema: { const: "x" } }],
              responses: {},
              callbacks: {
                done: {
                  "{$request.query.url}": {
                    post: {
                      responses: {
                        "200": {
                          description: "",
                          content: { "application/json": { schema: { type: ["string", "null"] } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "/b": { $ref: "#/paths/~1a" },
        },
      },
    );
    const out = downgradeTo30(doc);
    expect(out.paths["/a"].parameters[0].schema).toEqual({
      type: "integer",
      nullable: true,
      minimum: 0,
      exclusiveMinimum: true,
    });
    expect(out.paths["/a"].get.parameters[0].schema).toEqual({ enum: ["x"] });
    expect(
      out.paths["/a"].get.callbacks.done["{$request.query.url}"].post.responses["200"].content["application/json"]
        .schema,
    ).toEqual({
      type: "string",
      nullable: true,
    });
    expect(out.paths["/b"]).toEqual({ $ref: "#/paths/~1a" });
  });

  it("leaves its input untouched", () => {
    const doc = loadSpec();
    const before = structuredClone(doc);
    downgradeTo30(doc);
    expect(doc).toEqual(before);
  });

  it.each([
    ["the null type on its own", { type: "null" }],
    ["a type list that is only null", { type: ["null"] }],
    ["prefixItems", { type: "array", prefixItems: [{ type: "string" }] }],
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema's if/then keywords, never awaited
    ["if/then/else", { if: { type: "string" }, then: { minLength: 1 } }],
    ["$defs", { $defs: { a: { type: "string" } } }],
    ["patternProperties", { type: "object", patternProperties: { "^x": { type: "string" } } }],
    ["a const outside its enum", { type: "string", const: "a", enum: ["b"] }],
    ["a nested inexpressible keyword", { type: "object", properties: { a: { unevaluatedProperties: false } } }],
  ])("refuses a schema using %s, naming where it is", (_what, schema) => {
    expect(() => downgradeTo30(docWith({ Bad: schema }))).toThrow(DowngradeError);
    expect(() => downgradeTo30(docWith({ Bad: schema }))).toThrow(/#\/components\/schemas\/Bad/);
  });

  it("refuses webhooks and the mutualTLS security scheme", () => {
    expect(() => downgradeTo30(docWith({}, { webhooks: { ping: { post: {} } } }))).toThrow(/webhooks/);
    const tls = docWith({});
    tls.components.securitySchemes = { mtls: { type: "mutualTLS" } };
    expect(() => downgradeTo30(tls)).toThrow(/mutualTLS/);
  });

  it("refuses a document that is not OpenAPI 3.1", () => {
    expect(() => downgradeTo30({ ...docWith({}), openapi: "3.0.3" })).toThrow(/3\.1/);
  });

  it("turns our own spec into a document free of type lists, const and schema examples", () => {
    const text = JSON.stringify(downgradeTo30(loadSpec()).components.schemas);
    expect(text).not.toMatch(/"type":\[/);
    expect(text).not.toMatch(/"const":/);
    expect(text).not.toMatch(/"examples":/);
    expect(text).toMatch(/"nullable":true/);
  });
});
