import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { RefError } from "../../src/openapi/resolve-ref.ts";
import { walkOperations } from "../../src/openapi/walk-operations.ts";

const json = (schema: unknown, examples?: Record<string, unknown>) => ({
  content: { "application/json": { schema, ...(examples ? { examples } : {}) } },
});

/** Two resources, path-level parameters, references at every level and an extension: what the walker must see. */
const doc: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "walker fixture", version: "1" },
  paths: {
    "/rooms": {
      get: {
        operationId: "list_rooms",
        summary: "List rooms",
        tags: ["Rooms"],
        "x-page-items": "data",
        parameters: [{ $ref: "#/components/parameters/page_size" }],
        responses: {
          "200": {
            description: "A page.",
            ...json({ $ref: "#/components/schemas/Page" }, { one: { $ref: "#/components/examples/page" } }),
          },
          "401": { $ref: "#/components/responses/Unauthorized" },
          "204": { description: "Nothing." },
        },
      },
    },
    "/rooms/{id}": { $ref: "#/components/pathItems/room" },
  },
  components: {
    pathItems: {
      room: {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "verbose", in: "query", schema: { type: "boolean" } },
        ],
        get: {
          operationId: "get_room",
          "x-filter": { created_after: "created_at" },
          parameters: [
            { name: "verbose", in: "query", required: true, schema: { type: "integer" } },
            { name: "verbose", in: "header", schema: { type: "string" } },
          ],
          responses: {
            "200": { description: "A room.", content: { "application/problem+json": { schema: { type: "object" } } } },
          },
        },
        delete: {
          operationId: "delete_room",
          responses: {
            "409": {
              description: "Busy.",
              content: { "application/json": { schema: { type: "object" }, example: { busy: true } } },
            },
          },
        },
      },
    },
    parameters: {
      page_size: {
        name: "page_size",
        in: "query",
        description: "Logs per page.",
        "x-bounds": "page",
        schema: { type: "integer", maximum: 1000 },
      },
    },
    responses: {
      Unauthorized: { $ref: "#/components/responses/Unauthorized2" },
      Unauthorized2: { description: "No.", ...json({ type: "object" }) },
    },
    examples: { page: { summary: "a page", value: { data: [] } } },
    schemas: { Page: { type: "object" } },
  },
};

describe("walkOperations", () => {
  it("yields every operation of every path in document order, following a path item $ref", () => {
    expect(walkOperations(doc).map((op) => [op.operationId, op.method, op.path, op.pointer])).toEqual([
      ["list_rooms", "get", "/rooms", "/paths/~1rooms/get"],
      ["get_room", "get", "/rooms/{id}", "/components/pathItems/room/get"],
      ["delete_room", "delete", "/rooms/{id}", "/components/pathItems/room/delete"],
    ]);
  });

  it("resolves parameter references and lets the operation's own parameter win by name and location", () => {
    const [list, get, remove] = walkOperations(doc);
    expect(list!.parameters.map((p) => [p.name, p.in, p.required, p.schema, p.pointer])).toEqual([
      ["page_size", "query", false, { type: "integer", maximum: 1000 }, "/components/parameters/page_size"],
    ]);
    expect(get!.parameters.map((p) => [p.name, p.in, p.required, p.schema])).toEqual([
      ["id", "path", true, { type: "string" }],
      ["verbose", "query", true, { type: "integer" }],
      ["verbose", "header", false, { type: "string" }],
    ]);
    expect(remove!.parameters.map((p) => [p.name, p.in, p.schema])).toEqual([
      ["id", "path", { type: "string" }],
      ["verbose", "query", { type: "boolean" }],
    ]);
  });

  it("carries a parameter's description and x- extensions, from where its $ref leads", () => {
    const [list, get] = walkOperations(doc);
    expect(list!.parameters[0]).toMatchObject({ description: "Logs per page.", extensions: { "x-bounds": "page" } });
    expect(get!.parameters[0]).not.toHaveProperty("description");
    expect(get!.parameters[0]!.extensions).toEqual({});
  });

  it("gives each response by status with its description, JSON schema and resolved examples", () => {
    const [list, get] = walkOperations(doc);
    expect(list!.responses).toEqual([
      {
        status: "200",
        pointer: "/paths/~1rooms/get/responses/200",
        resolvedPointer: "/paths/~1rooms/get/responses/200",
        description: "A page.",
        json: {
          mediaType: "application/json",
          schema: { $ref: "#/components/schemas/Page" },
          schemaPointer: "/paths/~1rooms/get/responses/200/content/application~1json/schema",
          examples: { one: { data: [] } },
        },
      },
      // Status keys are integer-like, so a parsed document lists them in numeric order.
      {
        status: "204",
        pointer: "/paths/~1rooms/get/responses/204",
        resolvedPointer: "/paths/~1rooms/get/responses/204",
        description: "Nothing.",
      },
      {
        status: "401",
        pointer: "/paths/~1rooms/get/responses/401",
        resolvedPointer: "/components/responses/Unauthorized2",
        description: "No.",
        json: {
          mediaType: "application/json",
          schema: { type: "object" },
          schemaPointer: "/components/responses/Unauthorized2/content/application~1json/schema",
          examples: {},
        },
      },
    ]);
    expect(get!.responses[0]!.json!.mediaType).toBe("application/problem+json");
    expect(get!.responses[0]!.json).not.toHaveProperty("example");
  });

  it("gives a JSON body's single unnamed example beside the named ones", () => {
    expect(walkOperations(doc)[2]!.responses[0]!.json).toMatchObject({ example: { busy: true }, examples: {} });
  });

  it("carries the summary, the tags and only the x- extensions of the operation", () => {
    const [list, get] = walkOperations(doc);
    expect([list!.summary, list!.tags, list!.extensions]).toEqual([
      "List rooms",
      ["Rooms"],
      { "x-page-items": "data" },
    ]);
    expect([get!.summary, get!.tags, get!.extensions]).toEqual([
      undefined,
      [],
      { "x-filter": { created_after: "created_at" } },
    ]);
    expect(walkOperations(doc)[2]!.extensions).toEqual({});
  });

  it("leaves the document it walks untouched", () => {
    const before = structuredClone(doc);
    walkOperations(doc);
    expect(doc).toEqual(before);
  });

  it("refuses a response reference cycle (A→B→A) with a RefError instead of hanging", () => {
    const cyclic: OpenApiDocument = {
      openapi: "3.1.0",
      paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/A" } } } } },
      components: { responses: { A: { $ref: "#/components/responses/B" }, B: { $ref: "#/components/responses/A" } } },
    };
    expect(() => walkOperations(cyclic)).toThrow(RefError);
    expect(() => walkOperations(cyclic)).toThrow(
      /circular \$ref "#\/components\/responses\/A" at \/components\/responses\/B/,
    );
  });

  it("refuses parameter, example and path item cycles too", () => {
    const parameterCycle = {
      paths: { "/a": { get: { parameters: [{ $ref: "#/components/parameters/p" }], responses: {} } } },
      components: { parameters: { p: { $ref: "#/components/parameters/p" } } },
    };
    const exampleCycle = {
      paths: { "/a": { get: { responses: { "200": json({}, { e: { $ref: "#/components/examples/x" } }) } } } },
      components: { examples: { x: { $ref: "#/components/examples/y" }, y: { $ref: "#/components/examples/x" } } },
    };
    const pathItemCycle = { paths: { "/a": { $ref: "#/paths/~1b" }, "/b": { $ref: "#/paths/~1a" } } };
    for (const cyclic of [parameterCycle, exampleCycle, pathItemCycle])
      expect(() => walkOperations(cyclic)).toThrow(/circular/);
  });

  it("names a reference that leads nowhere, and where it is written", () => {
    const broken = { paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/Gone" } } } } } };
    expect(() => walkOperations(broken)).toThrow(
      'cannot resolve $ref "#/components/responses/Gone" at /paths/~1a/get/responses/200',
    );
  });

  it("finds both operations of our own spec with their JSON responses", () => {
    const operations = walkOperations(loadSpec());
    expect(operations.length).toBeGreaterThanOrEqual(2);
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-z_]+$/);
      expect(operation.responses.filter((response) => response.json).length).toBeGreaterThan(0);
    }
  });
});
