import { describe, expect, it } from "vitest";
import { modelExamples, responseBodySchemaNames } from "../../scripts/lib/models.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { parameterSchemas } from "../../src/openapi/parameter-schemas.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";

const cyclicResponses: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "cycle", version: "1" },
  paths: { "/a": { get: { operationId: "get_a", responses: { "200": { $ref: "#/components/responses/A" } } } } },
  components: { responses: { A: { $ref: "#/components/responses/B" }, B: { $ref: "#/components/responses/A" } } },
};

describe("the generator's readings of a document, all through the one walker", () => {
  it("responseSchemas refuses a response reference cycle A→B→A instead of hanging", () => {
    expect(() => responseSchemas(cyclicResponses)).toThrow(/circular \$ref/);
  });

  it("the model generator refuses the same cycle", () => {
    expect(() => responseBodySchemaNames(cyclicResponses)).toThrow(/circular \$ref/);
    expect(() => modelExamples(cyclicResponses)).toThrow(/circular \$ref/);
  });

  it("parameter validators see a path-level parameter overridden by the operation's own, once", () => {
    const doc: OpenApiDocument = {
      paths: {
        "/rooms/{id}": {
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "limit", in: "query", schema: { type: "string" } },
          ],
          get: {
            operationId: "get_room",
            parameters: [{ name: "limit", in: "query", required: true, schema: { type: "integer" } }],
            responses: {},
          },
        },
      },
    };
    expect(parameterSchemas(doc)).toEqual([
      {
        operationId: "get_room",
        location: "path",
        schema: {
          type: "object",
          additionalProperties: false,
          required: ["id"],
          properties: { id: { type: "string" } },
        },
      },
      {
        operationId: "get_room",
        location: "query",
        schema: {
          type: "object",
          additionalProperties: false,
          required: ["limit"],
          properties: { limit: { type: "integer" } },
        },
      },
    ]);
  });

  it("responseSchemas refuses an operation without an operationId, since its validators need a name", () => {
    const doc = {
      paths: {
        "/a": { get: { responses: { "200": { description: "", content: { "application/json": { schema: {} } } } } } },
      },
    };
    expect(() => responseSchemas(doc)).toThrow("GET /a has no operationId");
  });
});
