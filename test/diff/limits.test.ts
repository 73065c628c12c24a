// The diff bounds its work: a document built to make it hang or overflow the stack stops with a DiffLimitError that
// says where (exit 2 on the command line). Limits are injected so that the tests stay fast.
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { DEFAULT_DIFF_LIMITS, DiffLimitError } from "../../src/diff/budget.ts";
import { type DiffOptions, diffDocuments } from "../../src/diff/diff-documents.ts";
import { asDocument, captureIo, changed, type Doc, diff, readFixture, writeTemp } from "./helpers.ts";

const base = readFixture("base.yaml");

/** base.yaml with a property `extra` on Item holding `schema`. */
const withExtra = (schema: unknown) =>
  changed(base, (doc) => {
    doc.components.schemas.Item.properties.extra = schema;
  });

/** `anyOf` of `outer` alternatives, each an `anyOf` of `inner` string constants. */
const nestedUnions = (outer: number, inner: number) => ({
  anyOf: Array.from({ length: outer }, (_, i) => ({
    anyOf: Array.from({ length: inner }, (_, j) => ({ const: `v${i}-${j}` })),
  })),
});

/** `levels` objects nested through a property `a`. */
function nested(levels: number): unknown {
  let schema: unknown = { type: "string" };
  for (let i = 0; i < levels; i++) schema = { type: "object", properties: { a: schema } };
  return schema;
}

/** `count` object alternatives that all share one property, so that every pair scores. */
const objectAlternatives = (count: number, prefix: string) => ({
  anyOf: Array.from({ length: count }, (_, i) => ({
    type: "object",
    properties: { shared: { type: "string" }, [`${prefix}${i}`]: { type: "string" } },
  })),
});

function limitErrorOf(ours: Doc, theirs: Doc, options: DiffOptions): DiffLimitError {
  try {
    diffDocuments(asDocument(ours, "ours"), asDocument(theirs, "theirs"), options);
  } catch (error) {
    if (error instanceof DiffLimitError) return error;
    throw error;
  }
  throw new Error("the diff finished within the limits");
}

describe("the diff's limits", () => {
  it("folds 200 × 200 nested constants in linear time, well within the default limits", () => {
    const before = withExtra({ type: "string" });
    const after = withExtra(nestedUnions(200, 200));
    const report = diffDocuments(asDocument(before, "ours"), asDocument(after, "theirs"));
    expect(report.differences.map((d) => d.kind)).toEqual(["enum-constraint-introduced"]);
    expect(report.differences[0]!.message).toContain('"v199-199"');
  });

  it("compares formats by the six value types only, whatever names a 20,000-long type array lists", () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
    const report = diff(
      withExtra({ type: [...names, "string"], format: "date" }),
      withExtra({ type: ["string", ...names], format: "date-time" }),
    );
    // One finding, for the only type a value can have; the 20,000 names match no value, so nothing is said of them.
    expect(
      report.differences.map((d) => [d.kind, d.message.includes("format of string changed from date to date-time")]),
    ).toEqual([["format-changed", true]]);
  });

  it("compares a 50,000-value string enum next to a free integer branch type by type, in linear time", () => {
    const values = Array.from({ length: 50_000 }, (_, i) => `v${i}`);
    const union = (extra: string[]) => ({
      anyOf: [{ type: "string", enum: [...values, ...extra] }, { type: "integer" }],
    });
    const report = diff(withExtra(union([])), withExtra(union(["new"])));
    expect(report.differences.map((d) => [d.kind, d.message.includes('gained enum value(s) "new"')])).toEqual([
      ["enum-values-added", true],
    ]);
  });

  it("stops pairing many alternatives at the step limit, naming both places", () => {
    const error = limitErrorOf(withExtra(objectAlternatives(60, "a")), withExtra(objectAlternatives(60, "b")), {
      limits: { maxSteps: 2_000 },
    });
    expect(error.limit).toBe("maxSteps");
    expect(error.where).toBe(
      "ours /components/schemas/Item/properties/extra / theirs /components/schemas/Item/properties/extra",
    );
    expect(error.message).toBe(
      "cannot compare the documents: the comparison needs more than 2000 steps, at ours /components/schemas/Item/properties/extra / " +
        "theirs /components/schemas/Item/properties/extra; the diff stops there rather than run out of time or stack",
    );
  });

  it("compares the same alternatives when the step limit allows it", () => {
    const report = diffDocuments(
      asDocument(withExtra(objectAlternatives(60, "a")), "ours"),
      asDocument(withExtra(objectAlternatives(60, "b")), "theirs"),
      {
        limits: { maxSteps: 100_000 },
      },
    );
    expect(report.differences.length).toBeGreaterThan(0);
  });

  it("stops at the depth limit, naming the side and the pointer where it was reached", () => {
    const error = limitErrorOf(base, withExtra(nested(12)), { limits: { maxDepth: 10 } });
    expect(error.limit).toBe("maxDepth");
    expect(error.where).toMatch(/^theirs \/components\/schemas\/Item\/properties\/extra(\/properties\/a)+$/);
    expect(error.message).toMatch(
      /^cannot compare the documents: it nests more than 10 levels deep, at theirs \/components/,
    );
  });

  it("compares nesting as deep as the default limit allows", () => {
    const depth = DEFAULT_DIFF_LIMITS.maxDepth - 10;
    const report = diffDocuments(
      asDocument(withExtra(nested(depth)), "ours"),
      asDocument(withExtra(nested(depth)), "theirs"),
    );
    expect(report.differences).toEqual([]);
  });

  it("stops a $ref chain that doubles at every level (a billion laughs) at the step limit", () => {
    const schemas: Record<string, unknown> = { L0: { type: "string" } };
    for (let i = 1; i <= 40; i++)
      schemas[`L${i}`] = {
        type: "object",
        properties: { a: { $ref: `#/components/schemas/L${i - 1}` }, b: { $ref: `#/components/schemas/L${i - 1}` } },
      };
    const theirs = changed(withExtra({ $ref: "#/components/schemas/L40" }), (doc) =>
      Object.assign(doc.components.schemas, schemas),
    );
    expect(limitErrorOf(base, theirs, { limits: { maxSteps: 50_000 } }).limit).toBe("maxSteps");
  });
});

describe("video-logs diff on a document nested 5000 levels deep", () => {
  it("exits 2 naming the place of a default value nested 100000 levels deep, not a stack overflow", async () => {
    const captured = captureIo();
    const deepValue = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const text = JSON.stringify(withExtra({ type: "array", default: "DEEP" })).replace('"DEEP"', deepValue);
    const code = await runCli(["diff", writeTemp(text), "--ours", writeTemp(base)], captured.io);
    expect(code).toBe(2);
    expect(captured.stderr()).toMatch(
      /^video-logs: cannot compare the documents: it nests more than 200 levels deep, at theirs \/components\/schemas\/Item\/properties\/extra\/default; /,
    );
  });

  it("exits 2 with one line naming the limit and where, not a stack overflow", async () => {
    const captured = captureIo();
    // Written as text: too deep for JSON.stringify itself.
    const deep = `${'{"type":"object","properties":{"a":'.repeat(5000)}{"type":"string"}${"}}".repeat(5000)}`;
    const text = JSON.stringify(withExtra("DEEP")).replace('"DEEP"', deep);
    const code = await runCli(["diff", writeTemp(text), "--ours", writeTemp(base)], captured.io);
    expect(code).toBe(2);
    const lines = captured.stderr().trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^video-logs: cannot compare the documents: it nests more than 200 levels deep, at theirs \/components\/schemas\/Item\/properties\/extra\/properties\/a\/.*….*\/properties\/a; /,
    );
    expect(captured.stdout()).toBe("");
  });
});
