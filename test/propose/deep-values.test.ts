// A proposal from bodies nested a hundred thousand levels deep, in process: the enum key, the example and the walk
// along a schema that refers to itself are bounded or iterative, and what the walk leaves out is said.
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import type { ObservedIn } from "../../src/propose/observation.ts";
import { Proposal } from "../../src/propose/proposal.ts";
import { type DeviationSink, MAX_WALK_DEPTH, SchemaWalk } from "../../src/propose/walk-schema.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { observeAnswers } from "../helpers/observed-exchanges.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

/** JSON text of an array nested `depth` levels deep around `inner`. */
const nestedText = (depth: number, inner = "") => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;

/** A get_log body with `field` set to the raw JSON text `value`. */
function logWith(field: string, value: string): string {
  const { [field]: _replaced, ...rest } = completedLog as unknown as Record<string, unknown>;
  return `${JSON.stringify(rest).slice(0, -1)},${JSON.stringify(field)}:${value}}`;
}

async function proposalFrom(bodies: string[], spec?: OpenApiDocument) {
  const proposal = new Proposal(spec);
  const exchanges = await observeAnswers(bodies.map((body) => ({ operation: "get_log", status: 200, body })));
  for (const exchange of exchanges) proposal.observe(exchange);
  return proposal.document();
}

describe("a proposal from deeply nested values", () => {
  it.each([5_000, 100_000])("drops an enum whose new value is an array nested %i levels deep", async (depth) => {
    const document = await proposalFrom([logWith("status", nestedText(depth))]);
    const enumActions = document.actions.filter((action) => action.target === "$.components.schemas.LogStatus.enum");
    expect(enumActions).toHaveLength(1);
    expect(enumActions[0]!.description).toMatch(/^Drop `enum`: a value is too long to copy\. /);
    // The example is cut at 60 characters with an ellipsis, never shown as a shallower array than it is.
    expect(enumActions[0]!.description).toContain(`example: ${"[".repeat(59)}…;`);
  });

  it.each([5_000, 100_000])(
    "declares an unknown property whose value is nested %i levels deep, its example cut with an ellipsis",
    async (depth) => {
      const document = await proposalFrom([logWith("extra", nestedText(depth))]);
      const declared = document.actions.find((action) => action.target === "$.components.schemas.Log.properties");
      expect(declared?.description).toContain(`example: ${"[".repeat(59)}…;`);
      expect(declared).toMatchObject({ update: { extra: { type: "array" } } });
    },
  );
});

/** A copy of the spec whose Log has a `tree`: an array of trees, a schema that refers to itself. */
function specWithTree(): OpenApiDocument {
  const spec = structuredClone(loadSpec());
  spec.components.schemas.Tree = { type: "array", items: { $ref: "#/components/schemas/Tree" } };
  spec.components.schemas.Log.properties.tree = { $ref: "#/components/schemas/Tree" };
  return spec;
}

/** A sink that keeps every call, by method. */
function recordingSink(): DeviationSink & { calls: [string, string][] } {
  const calls: [string, string][] = [];
  const record =
    (method: string) =>
    (pointer: string): void => {
      calls.push([method, pointer]);
    };
  return {
    calls,
    newProperty: record("newProperty"),
    missing: record("missing"),
    unadmittedType: record("unadmittedType"),
    newEnumValue: record("newEnumValue"),
    failedFormat: record("failedFormat"),
    unionUnexplained: record("unionUnexplained"),
    valueTooDeep: record("valueTooDeep"),
  };
}

describe("the schema walk", () => {
  const observed: ObservedIn = { place: "get_log 200", request: "req-1", redactor: NO_SECRETS };

  it(`stops ${MAX_WALK_DEPTH} schemas down a schema that refers to itself, for a value 100,000 deep`, () => {
    const spec = specWithTree();
    const sink = recordingSink();
    const value = JSON.parse(nestedText(100_000, '"leaf"'));
    new SchemaWalk(spec).walk(value, { $ref: "#/components/schemas/Tree" }, "/x", observed, sink);
    expect(sink.calls).toEqual([["valueTooDeep", "/components/schemas/Tree/items"]]);
  });

  it("walks a value within the bound to its end and records what departs from the schema there", () => {
    const sink = recordingSink();
    const value = JSON.parse(nestedText(100, '"leaf"'));
    new SchemaWalk(specWithTree()).walk(value, { $ref: "#/components/schemas/Tree" }, "/x", observed, sink);
    expect(sink.calls).toEqual([["unadmittedType", "/components/schemas/Tree"]]);
  });

  it("lists a value deeper than the walk goes under x-not-proposed, with where and why", async () => {
    const document = await proposalFrom([logWith("tree", nestedText(100_000, '"leaf"'))], specWithTree());
    expect(document["x-not-proposed"]).toEqual([
      {
        where: "get_log 200",
        reason:
          `a value nested more than ${MAX_WALK_DEPTH} schemas deep at /components/schemas/Tree/items: ` +
          "what lies deeper is not compared with the spec, so nothing is proposed for it",
        observations: 1,
        requests: [expect.stringMatching(/^GET \/api\/video\/logs\//)],
      },
    ]);
  });
});
