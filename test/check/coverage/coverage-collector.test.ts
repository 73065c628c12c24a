// The coverage collector in process: what a spec declares (statuses, parameters, enum values, union branches, optional
// and nullable properties), derived from the document alone, and what the responses fed to it showed.
import { describe, expect, it } from "vitest";
import { unionBranchShapes } from "../../../generated/validators.js";
import { CoverageCollector } from "../../../src/check/coverage/coverage-collector.ts";
import { coveragePlan, defaultCoveragePlan } from "../../../src/check/coverage/coverage-plan.ts";
import type { ParsedExchangeBody } from "../../../src/client/exchange.ts";
import type { OpenApiDocument } from "../../../src/openapi/openapi-document.ts";
import { completedLog, deletedLog, inProgressLog } from "../../helpers/sample-bodies.ts";

const json = (body: unknown): ParsedExchangeBody => ({ ok: true, body, text: "" });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: unknown) => ({ description: "", content: { "application/json": { schema } } });

/** A made-up API: a listing of boxes and balls, one by id, and a tree; nothing here is the video-logs spec. */
const SHOP: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "shop", version: "1" },
  paths: {
    "/things": {
      get: {
        operationId: "list_things",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer" } },
          { name: "kind", in: "query", schema: { type: "string" } },
        ],
        responses: { "200": body(ref("Page")), "4XX": body(ref("Problem")), default: { description: "" } },
      },
    },
    "/trees/{id}": {
      get: {
        operationId: "get_tree",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": body(ref("Tree")) },
      },
    },
  },
  components: {
    schemas: {
      Page: {
        type: "object",
        required: ["data"],
        properties: { data: { type: "array", items: ref("Thing") }, next: { type: "string" } },
      },
      Thing: { oneOf: [ref("Box"), ref("Ball")] },
      Box: {
        type: "object",
        required: ["id", "sides"],
        properties: {
          id: { type: "string" },
          sides: { type: "integer", enum: [4, 6] },
          label: { type: ["string", "null"] },
          size: {
            anyOf: [
              { title: "count", type: "integer" },
              { title: "word", type: "string" },
            ],
          },
        },
      },
      Ball: {
        type: "object",
        required: ["id", "radius", "colour"],
        properties: { id: { type: "string" }, radius: { type: "number" }, colour: { enum: ["red", "blue", null] } },
      },
      Problem: {
        type: "object",
        required: ["error"],
        properties: { error: { type: "string", enum: ["Bad", "Gone"] } },
      },
      Tree: { type: "object", properties: { child: ref("Tree"), tag: { enum: ["leaf", "branch"] } } },
    },
  },
};

const NOTHING_SEEN = {
  list_things: {
    statuses: { declared: ["200", "4XX", "default"], seen: [] },
    parameters: { declared: ["limit", "kind"], seen: [] },
    enums: {
      "#/components/schemas/Box/properties/sides": { declared: [4, 6], seen: [] },
      "#/components/schemas/Ball/properties/colour": { declared: ["red", "blue", null], seen: [] },
      "#/components/schemas/Problem/properties/error": { declared: ["Bad", "Gone"], seen: [] },
    },
    unions: {
      "#/components/schemas/Thing/oneOf": { declared: ["Box", "Ball"], seen: [] },
      "#/components/schemas/Box/properties/size/anyOf": { declared: ["count", "word"], seen: [] },
    },
    properties: {
      "#/components/schemas/Page/properties/next": { declared: ["present"], seen: [] },
      "#/components/schemas/Box/properties/label": { declared: ["present", "null"], seen: [] },
      "#/components/schemas/Box/properties/size": { declared: ["present"], seen: [] },
      "#/components/schemas/Ball/properties/colour": { declared: ["null"], seen: [] },
    },
  },
  get_tree: {
    statuses: { declared: ["200"], seen: [] },
    parameters: { declared: ["id"], seen: [] },
    enums: { "#/components/schemas/Tree/properties/tag": { declared: ["leaf", "branch"], seen: [] } },
    unions: {},
    properties: {
      "#/components/schemas/Tree/properties/child": { declared: ["present"], seen: [] },
      "#/components/schemas/Tree/properties/tag": { declared: ["present"], seen: [] },
    },
  },
};

describe("the coverage collector", () => {
  it("declares every status, parameter, enum value, union branch and optional or nullable property of a made-up spec, none seen", () => {
    expect(new CoverageCollector(coveragePlan(SHOP)).coverage()).toEqual({
      percent: 0,
      declared: 27,
      seen: 0,
      operations: NOTHING_SEEN,
    });
  });

  it("sees the statuses received, the query names sent and what the bodies show, each branch by the validator's rule", () => {
    const collector = new CoverageCollector(coveragePlan(SHOP));
    const page = {
      data: [
        { id: "b1", sides: 6, size: 3 },
        { id: "o1", radius: 1.5, colour: null },
        { id: "o2", radius: 2, colour: "purple" },
      ],
    };
    collector.observe("list_things", 200, "https://shop.test/things?limit=3&unknown=1#limit", json(page));
    collector.observe("list_things", 404, "https://shop.test/things?kind=", json({ error: "Gone" }));
    collector.observe("list_things", 503, "https://shop.test/things", json({ error: "Bad" }));
    expect(collector.coverage(80)).toEqual({
      percent: 48.1,
      declared: 27,
      seen: 13,
      minimum: 80,
      operations: {
        ...NOTHING_SEEN,
        list_things: {
          statuses: { declared: ["200", "4XX", "default"], seen: ["200", "4XX", "default"] },
          parameters: { declared: ["limit", "kind"], seen: ["limit", "kind"] },
          enums: {
            "#/components/schemas/Box/properties/sides": { declared: [4, 6], seen: [6] },
            // "purple" is drift (the validator's finding), not a value of the spec seen.
            "#/components/schemas/Ball/properties/colour": { declared: ["red", "blue", null], seen: [null] },
            // Only a declared status's body is walked: the 503 answers to `default`, which declares none.
            "#/components/schemas/Problem/properties/error": { declared: ["Bad", "Gone"], seen: ["Gone"] },
          },
          unions: {
            "#/components/schemas/Thing/oneOf": { declared: ["Box", "Ball"], seen: ["Box", "Ball"] },
            "#/components/schemas/Box/properties/size/anyOf": { declared: ["count", "word"], seen: ["count"] },
          },
          properties: {
            "#/components/schemas/Page/properties/next": { declared: ["present"], seen: [] },
            "#/components/schemas/Box/properties/label": { declared: ["present", "null"], seen: [] },
            "#/components/schemas/Box/properties/size": { declared: ["present"], seen: ["present"] },
            "#/components/schemas/Ball/properties/colour": { declared: ["null"], seen: ["null"] },
          },
        },
      },
    });
  });

  it("gives the same coverage whatever the order the responses come in", () => {
    const responses: [number, string, unknown][] = [
      [200, "/things?limit=1", { data: [{ id: "b", sides: 4, label: null }], next: "/things?page=2" }],
      [200, "/things?kind=box", { data: [{ id: "o", radius: 1, colour: "red" }] }],
      [422, "/things?limit=-1", { error: "Bad" }],
    ];
    const fed = (order: typeof responses) => {
      const collector = new CoverageCollector(coveragePlan(SHOP));
      for (const [status, url, parsed] of order) collector.observe("list_things", status, url, json(parsed));
      return collector.coverage();
    };
    expect(fed([...responses].reverse())).toEqual(fed(responses));
    expect(fed(responses).seen).toBe(12);
  });

  it("walks a body nested 100,000 deep in a recursive schema without running out of stack", () => {
    let tree: Record<string, unknown> = { tag: "leaf" };
    for (let depth = 0; depth < 100_000; depth++) tree = { child: tree, tag: "branch" };
    const collector = new CoverageCollector(coveragePlan(SHOP));
    collector.observe("get_tree", 200, "https://shop.test/trees/t1", json(tree));
    expect(collector.coverage().operations.get_tree).toEqual({
      statuses: { declared: ["200"], seen: ["200"] },
      parameters: { declared: ["id"], seen: ["id"] },
      enums: { "#/components/schemas/Tree/properties/tag": { declared: ["leaf", "branch"], seen: ["leaf", "branch"] } },
      unions: {},
      properties: {
        "#/components/schemas/Tree/properties/child": { declared: ["present"], seen: ["present"] },
        "#/components/schemas/Tree/properties/tag": { declared: ["present"], seen: ["present"] },
      },
    });
  });

  it("leaves what a body that is not JSON, a status no one declares or an unknown operation shows unseen", () => {
    const collector = new CoverageCollector(coveragePlan(SHOP));
    collector.observe("list_things", 200, "https://shop.test/things", {
      ok: false,
      violation: { kind: "breaking", keyword: "json", pointer: "", message: "not JSON", expected: "JSON", actual: "<" },
    });
    collector.observe("no_such_operation", 200, "https://shop.test/nowhere?limit=1", json({}));
    expect(collector.coverage()).toEqual({
      percent: 3.7,
      declared: 27,
      seen: 1,
      operations: {
        ...NOTHING_SEEN,
        list_things: { ...NOTHING_SEEN.list_things, statuses: { declared: ["200", "4XX", "default"], seen: ["200"] } },
      },
    });
  });
});

describe("the coverage of the video-logs spec", () => {
  it("shows the DiscardedLog branch, the null status, the absent next link and the error statuses unseen after one page without deleted logs", () => {
    const collector = new CoverageCollector();
    const page = { links: { self: "/api/video/logs", first: "/api/video/logs" }, data: [completedLog, inProgressLog] };
    collector.observe("list_logs", 200, "https://example.signalwire.com/api/video/logs?page_size=2", json(page));
    expect(collector.coverage().operations.list_logs).toEqual({
      statuses: { declared: ["200", "400", "401", "403", "422", "500"], seen: ["200"] },
      parameters: {
        declared: [
          "include_deleted",
          "created_before",
          "created_on",
          "created_after",
          "page_number",
          "page_size",
          "page_token",
        ],
        seen: ["page_size"],
      },
      enums: {
        "#/components/schemas/LogSource": { declared: ["realtime_api"], seen: ["realtime_api"] },
        "#/components/schemas/LogType": {
          declared: ["video_room_session", "video_conference_session"],
          seen: ["video_room_session", "video_conference_session"],
        },
        "#/components/schemas/LogStatus": { declared: ["in-progress", "completed", null], seen: ["completed", null] },
        "#/components/schemas/BadRequestError/properties/error": { declared: ["Bad Request"], seen: [] },
        "#/components/schemas/UnauthorizedError/properties/error": { declared: ["Unauthorized"], seen: [] },
        "#/components/schemas/ForbiddenError/properties/error": { declared: ["Forbidden"], seen: [] },
        "#/components/schemas/InternalServerError/properties/error": { declared: ["Internal Server Error"], seen: [] },
      },
      unions: { "#/components/schemas/VideoLog/anyOf": { declared: ["Log", "DiscardedLog"], seen: ["Log"] } },
      properties: {
        "#/components/schemas/PaginationLinks/properties/next": { declared: ["present"], seen: [] },
        "#/components/schemas/PaginationLinks/properties/prev": { declared: ["present"], seen: [] },
        "#/components/schemas/Log/properties/room_name": { declared: ["null"], seen: ["null"] },
        "#/components/schemas/Log/properties/status": { declared: ["null"], seen: ["null"] },
        "#/components/schemas/Log/properties/started_at": { declared: ["null"], seen: [] },
        "#/components/schemas/Log/properties/ended_at": { declared: ["null"], seen: ["null"] },
        "#/components/schemas/ValidationErrorItem/properties/attribute": { declared: ["present", "null"], seen: [] },
      },
    });
    collector.observe(
      "list_logs",
      200,
      "https://example.signalwire.com/api/video/logs?include_deleted=true",
      json({
        ...page,
        data: [deletedLog],
      }),
    );
    expect(collector.coverage().operations.list_logs!.unions).toEqual({
      "#/components/schemas/VideoLog/anyOf": { declared: ["Log", "DiscardedLog"], seen: ["Log", "DiscardedLog"] },
    });
  });

  it("chooses union branches by the own levels the generated validators hold (unionBranchShapes)", () => {
    const generated: unknown[] = Object.values(unionBranchShapes);
    const plan = defaultCoveragePlan();
    const shapes = [...plan.values()].flatMap((operation) =>
      [...operation.bodies.values()].flatMap((root) => root.items?.union?.shapes ?? root.union?.shapes ?? []),
    );
    expect(shapes.length).toBeGreaterThan(0);
    for (const shape of shapes) expect(generated).toContainEqual(shape);
  });
});
