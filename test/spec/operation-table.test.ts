import { describe, expect, it } from "vitest";
import { operationTable } from "../../src/operations/build-operation-table.ts";

const json = (schema: unknown) => ({ description: "ok", content: { "application/json": { schema } } });
const page = {
  type: "object",
  properties: { links: { type: "object" }, data: { type: "array", items: { $ref: "#/components/schemas/Item" } } },
};

function doc(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  return {
    openapi: "3.1.0",
    paths,
    components: { schemas: { Item: { type: "object", properties: { id: { type: "string" } } }, ...schemas } },
  };
}

describe("the generated operation table", () => {
  it("calls a GET a list operation only when its 200 body has links and a data array", () => {
    const table = operationTable(
      doc(
        {
          "/things": {
            get: { operationId: "list_things", responses: { "200": json({ $ref: "#/components/schemas/Page" }) } },
          },
          "/no-links": {
            get: {
              operationId: "no_links",
              responses: { "200": json({ type: "object", properties: { data: { type: "array" } } }) },
            },
          },
          "/data-not-array": {
            get: {
              operationId: "data_object",
              responses: { "200": json({ type: "object", properties: { links: {}, data: { type: "object" } } }) },
            },
          },
          "/posted": { post: { operationId: "post_page", responses: { "200": json(page) } } },
        },
        { Page: page },
      ),
    );
    expect(table.map((o) => [o.operationId, o.list])).toEqual([
      ["list_things", true],
      ["no_links", false],
      ["data_object", false],
      ["post_page", false],
    ]);
  });

  it("relates a GET at a list's path plus one path parameter to that list, and nothing else", () => {
    const id = { name: "thing_id", in: "path", required: true, schema: { type: "string" } };
    const table = operationTable(
      doc({
        "/things": { get: { operationId: "list_things", responses: { "200": json(page) } } },
        "/things/{thing_id}": {
          get: {
            operationId: "get_thing",
            parameters: [id],
            responses: { "200": json({ $ref: "#/components/schemas/Item" }) },
          },
        },
        "/things/{thing_id}/parts/{part}": {
          get: { operationId: "get_part", parameters: [id, { ...id, name: "part" }], responses: { "200": json({}) } },
        },
        "/others/{thing_id}": { get: { operationId: "get_other", parameters: [id], responses: { "200": json({}) } } },
      }),
    );
    expect(Object.fromEntries(table.map((o) => [o.operationId, o.getById]))).toEqual({
      list_things: null,
      get_thing: { list: "list_things", idParameter: "thing_id" },
      get_part: null,
      get_other: null,
    });
  });

  it("keeps parameters with their schemas inlined, operation-level overrides and x- extensions, even across a $ref cycle", () => {
    const table = operationTable(
      doc(
        {
          "/things": {
            parameters: [{ name: "size", in: "query", schema: { type: "string" } }],
            get: {
              operationId: "list_things",
              "x-note": "kept",
              parameters: [
                { name: "size", in: "query", "x-page-size": true, schema: { $ref: "#/components/schemas/Size" } },
                { name: "deep", in: "query", schema: { $ref: "#/components/schemas/A" } },
              ],
              responses: { "200": json(page), "404": { description: "none" } },
            },
          },
        },
        {
          Size: { type: "integer", maximum: 9 },
          A: { $ref: "#/components/schemas/B" },
          B: { properties: { a: { $ref: "#/components/schemas/A" } } },
        },
      ),
    );
    const [operation] = table;
    expect(operation!.parameters).toEqual([
      {
        name: "size",
        in: "query",
        required: false,
        description: null,
        schema: { type: "integer", maximum: 9 },
        extensions: { "x-page-size": true },
      },
      // A → B → A: inlined down to the reference that would close the cycle.
      {
        name: "deep",
        in: "query",
        required: false,
        description: null,
        schema: { properties: { a: { $ref: "#/components/schemas/A" } } },
        extensions: {},
      },
    ]);
    expect(operation!.extensions).toEqual({ "x-note": "kept" });
    expect(operation!.statuses).toEqual(["200", "404"]);
  });
});
