// The built-in spec read at run time, as `--spec FILE` reads a document, gives the generator's operation table and
// the same verdict as the generated validators on every body, for every operation and status.
import { describe, expect, it } from "vitest";
import { loadFixtureTable } from "../../contract-tests/lib/fixture-tables.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { activeSpec, BUILT_IN_SPEC, useSpec } from "../../src/operations/active-spec.ts";
import { matchOperation } from "../../src/operations/match-path.ts";
import { allOperations } from "../../src/operations/operation-table.ts";
import { specTablesFromDocument } from "../../src/validation/spec-tables-from-document.ts";
import { validateResponse, validateResponseBy } from "../../src/validation/validate-response.ts";
import { completedLog, deletedLog, inProgressLog, pageOf } from "../helpers/sample-bodies.ts";

const document = loadSpec();
const atRunTime = specTablesFromDocument(document, "openapi/video-logs.openapi.yaml");

/** Every body the repository holds: the fixtures (valid and invalid), the sample bodies, the spec's named examples. */
const BODIES: { name: string; body: unknown }[] = [
  ...[...loadFixtureTable("valid"), ...loadFixtureTable("invalid")].map(({ file, body }) => ({ name: file, body })),
  { name: "completed log", body: completedLog },
  { name: "in-progress log", body: inProgressLog },
  { name: "deleted log", body: deletedLog },
  {
    name: "page with next",
    body: pageOf(3, { self: "/api/video/logs", first: "/api/video/logs", next: "/api/video/logs?page=2" }),
  },
  { name: "page mixing forms", body: { links: { self: "/api/video/logs" }, data: [completedLog, deletedLog] } },
  ...responseSchemas(document).flatMap(({ operationId, status, examples }) =>
    Object.entries(examples).map(([name, body]) => ({ name: `${operationId} ${status} ${name}`, body })),
  ),
  { name: "null", body: null },
  { name: "an empty object", body: {} },
  { name: "a string", body: "not a log" },
  { name: "a number beyond double range", body: Number.POSITIVE_INFINITY },
];

/** Every operation with each status it declares, and one it does not. */
const JUDGED = Object.values(BUILT_IN_SPEC.operations).flatMap((operation) =>
  [...operation.statuses, "299"].map((status) => ({ operation: operation.operationId, status })),
);

describe("the built-in spec read at run time", () => {
  it("has the generator's operation table, schema extensions and union branches", () => {
    expect(atRunTime.operations).toEqual(BUILT_IN_SPEC.operations);
    expect(Object.keys(atRunTime.operations)).toEqual(Object.keys(BUILT_IN_SPEC.operations));
    expect(atRunTime.schemaExtensions).toEqual(BUILT_IN_SPEC.schemaExtensions);
    expect(atRunTime.unionBranchShapes).toEqual(BUILT_IN_SPEC.unionBranchShapes);
  });

  it(`judges ${BODIES.length} bodies for ${JUDGED.length} operation-status pairs as the generated validators do`, () => {
    expect(BODIES.length).toBeGreaterThan(40);
    for (const { operation, status } of JUDGED) {
      for (const mode of ["strict", "tolerant"] as const) {
        const generated = BODIES.map(({ body }) =>
          validateResponseBy(BUILT_IN_SPEC, operation, status, body, { mode }),
        );
        const compiled = BODIES.map(({ body }) => validateResponseBy(atRunTime, operation, status, body, { mode }));
        expect(compiled, `${operation} ${status} ${mode}`).toEqual(generated);
      }
    }
  });

  it("finds violations in most of those verdicts, so that the comparison is not one of empty lists", () => {
    const verdicts = JUDGED.flatMap(({ operation, status }) =>
      BODIES.map(({ body }) => validateResponseBy(atRunTime, operation, status, body)),
    );
    expect(verdicts.filter((violations) => violations.length === 0).length).toBeGreaterThan(20);
    expect(verdicts.filter((violations) => violations.length > 0).length).toBeGreaterThan(verdicts.length / 2);
  });

  it("refuses the same parameter values as the generated parameter validators", () => {
    const values = [
      {},
      { page_size: 10 },
      { page_size: 0 },
      { page_size: "ten" },
      { created_on: "yesterday" },
      { created_after: "2022-01-01" },
      { include_deleted: true },
      { nope: 1 },
      { id: completedLog.id },
      { id: "42" },
    ];
    for (const [operation, locations] of Object.entries(BUILT_IN_SPEC.requestValidators)) {
      for (const [location, validate] of Object.entries(locations)) {
        const compiled = atRunTime.requestValidators[operation]![location]!;
        for (const value of values) {
          expect(compiled(value), `${operation} ${location} ${JSON.stringify(value)}`).toBe(validate(value));
          expect(compiled.errors ?? null).toEqual(validate.errors ?? null);
        }
      }
    }
  });
});

describe("useSpec", () => {
  it("makes a spec the one the operation table and validateResponse read, until the built-in one is used again", () => {
    const withRegion = loadSpec();
    withRegion.components.schemas.Log.properties.region = { type: "string" };
    withRegion.components.schemas.Log.required.push("region");
    withRegion.paths["/api/video/regions"] = {
      get: { operationId: "list_regions", responses: { "200": { description: "The regions." } } },
    };
    const spec = specTablesFromDocument(withRegion);
    try {
      useSpec(spec);
      expect(activeSpec()).toBe(spec);
      expect(matchOperation("GET", "/api/video/regions")?.operation.operationId).toBe("list_regions");
      expect(allOperations().map((operation) => operation.operationId)).toEqual([
        "list_logs",
        "get_log",
        "list_regions",
      ]);
      expect(validateResponse("get_log", 200, completedLog)).toEqual([
        {
          pointer: "/region",
          kind: "breaking",
          keyword: "required",
          message: 'missing required property "region"',
          expected: "present",
          actual: "(absent)",
        },
      ]);
    } finally {
      useSpec();
    }
    expect(activeSpec()).toBe(BUILT_IN_SPEC);
    expect(matchOperation("GET", "/api/video/regions")).toBeUndefined();
    expect(validateResponse("get_log", 200, completedLog)).toEqual([]);
  });
});
