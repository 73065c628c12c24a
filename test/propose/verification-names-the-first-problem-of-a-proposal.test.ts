// Each check of a proposal's verification (src/propose/verify-proposal.ts), in process against our spec: the proposal's
// text read the same under YAML 1.2 and 1.1, readable by openapi-format, every target found, the patched spec as
// openapi-format writes it read the same under both (where the original was), the document gates, no new `$ref`, no
// change outside the targets, every observed body accepted apart from the changes not proposed. Each case asserts the
// whole problem sentence, or that there is none.
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { overflowKey, propertyKey, statusKey } from "../../src/propose/change-keys.ts";
import type { OverlayAction } from "../../src/propose/overlay-action.ts";
import { overlayDocument, overlayYaml } from "../../src/propose/overlay-document.ts";
import { baselineOf, differences, proposalProblem } from "../../src/propose/verify-proposal.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const SPEC = loadSpec();
const BASELINE = baselineOf(SPEC);
const PROPERTIES = "$.components.schemas.Log.properties";

const update = (target: string, value: Record<string, unknown>): OverlayAction => ({
  target,
  description: "d",
  update: value,
});
const remove = (target: string): OverlayAction => ({ target, description: "d", remove: true });
/** The proposal's text for `actions`, as the proposal renders it. */
const textOf = (actions: OverlayAction[]) => overlayYaml(overlayDocument(SPEC, actions, []));
const observed = { place: "get_log 200", request: "GET /api/video/logs/x", redactor: NO_SECRETS };
const body = (value: unknown, status = 200, operationId = "get_log") => ({
  operationId,
  status,
  body: value,
  observed,
});

/** The problem of a proposal of `actions` (written as `text` when given), with the bodies and changes not proposed. */
function problemOf(
  actions: OverlayAction[],
  { bodies = [] as ReturnType<typeof body>[], notProposed = [] as string[], text = textOf(actions) } = {},
) {
  return proposalProblem(BASELINE, text, actions, bodies, new Set(notProposed));
}

const NO_OP =
  "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    description: DESCRIPTION\n    update: {}\n";
const READ_OTHERWISE =
  "the patched spec, as openapi-format writes it, reads otherwise under YAML 1.1 (js-yaml, Redocly) at";

describe("the verification of a proposal", { timeout: 60_000 }, () => {
  it("finds nothing wrong with a new property that accepts the body it came from", () => {
    const actions = [update(PROPERTIES, { extra: { type: "string", description: "x" } })];
    expect(problemOf(actions, { bodies: [body({ ...completedLog, extra: "v" })] })).toBeUndefined();
  });

  it("refuses a proposal YAML 1.1 reads otherwise, at the first place it does", () => {
    expect(problemOf([], { text: NO_OP.replace("DESCRIPTION", "yes") })).toBe(
      "the proposal reads otherwise under YAML 1.1 at /actions/0/description",
    );
  });

  it("refuses a proposal openapi-format cannot read once it has quoted what follows `$ref:`, or that is no mapping", () => {
    expect(problemOf([], { text: NO_OP.replace("DESCRIPTION", "'$ref: x'") })).toBe(
      "openapi-format cannot read the proposal: Unexpected scalar at node end at line 5, column 26:\n\n    description: '$ref: 'x''\n                         ^^^\n",
    );
    expect(problemOf([], { text: "text" })).toBe("openapi-format cannot read the proposal: not a YAML mapping");
  });

  it("names the first action whose target openapi-format does not find, counting from 1", () => {
    expect(problemOf([update("$.info", {}), update("$.nowhere", {})])).toBe(
      "openapi-format finds nothing at the target of action 2",
    );
    expect(problemOf([update("$.nowhere", {}), update("$.info", {})])).toBe(
      "openapi-format finds nothing at the target of action 1",
    );
  });

  it("refuses a name openapi-format writes plain that YAML 1.1 reads as another key, under a target or its ancestor", () => {
    const yes = update(PROPERTIES, { yes: { type: "string", description: "x" } });
    expect(problemOf([yes])).toBe(`${READ_OTHERWISE} /components/schemas/Log/properties/true`);
    expect(problemOf([yes, update(`${PROPERTIES}.url`, { description: "y" })])).toBe(
      `${READ_OTHERWISE} /components/schemas/Log/properties/true`,
    );
  });

  it("reads back only the outermost targets: a target's first problem, not that of a target under it named first", () => {
    const actions = [
      update(`${PROPERTIES}.url`, { description: "yes" }),
      update(PROPERTIES, { aaa: { type: "string", description: "on" } }),
    ];
    expect(problemOf(actions)).toBe(`${READ_OTHERWISE} /components/schemas/Log/properties/aaa/description`);
  });

  it("excuses what the original already reads otherwise under a target (the examples' timestamps), not a new one", () => {
    const example = "$.components.examples.completed_log";
    expect(problemOf([update(example, { summary: "x" })])).toBeUndefined();
    expect(problemOf([update(`${example}.value`, { room_name: "r" })])).toBeUndefined();
    expect(problemOf([update(example, { summary: "2001-12-14" })])).toBe(
      `${READ_OTHERWISE} /components/examples/completed_log/summary`,
    );
  });

  it("judges the bodies with the patched spec as read back: `12===` after a key is written as the number 12", () => {
    const actions = [update(PROPERTIES, { extra: { type: "string", const: "12===", description: "d" } })];
    expect(problemOf(actions)).toBeUndefined();
    expect(problemOf(actions, { bodies: [body({ ...completedLog, extra: "12===" })] })).toBe(
      "the patched spec rejects an observed get_log 200 body",
    );
  });

  it("skips the read-back of a target that was removed, and judges what takes its place", () => {
    expect(problemOf([remove(`${PROPERTIES}.url.description`)])).toBeUndefined();
    expect(problemOf([remove(`${PROPERTIES}.url`)])).toBe(
      'the patched spec fails the gate strict-schemas: #/components/schemas/Log strict mode: required property "url" is not defined (strictRequired)',
    );
    expect(
      problemOf([remove(`${PROPERTIES}.url`), update(PROPERTIES, { url: { type: "string", description: "z" } })]),
    ).toBeUndefined();
  });

  it("names the first gate the patched spec fails and its first problem", () => {
    expect(problemOf([update(`${PROPERTIES}.url`, { type: "strin" })])).toBe(
      'the patched spec fails the gate openapi-3.1: #/components/schemas/Log/properties/url/type must be one of "array", "boolean", "integer", "null", "number", "object", "string", not "strin"',
    );
  });

  it("accepts a `$ref` the original holds, and names the first new one: a `$ref` value or a key holding `$ref`", () => {
    expect(problemOf([update(PROPERTIES, { extra: { $ref: "#/components/schemas/LogStatus" } })])).toBeUndefined();
    const newRef = { $ref: "#/components/schemas/ChargeDetail/properties/charge" };
    expect(problemOf([update(PROPERTIES, { $refx: { type: "string", description: "d" }, extra: newRef })])).toBe(
      'the patched spec holds a reference the original does not: $ref: "#/components/schemas/ChargeDetail/properties/charge"',
    );
    expect(problemOf([update(PROPERTIES, { $refx: { type: "string", description: "d" } })])).toBe(
      'the patched spec holds a reference the original does not: a key "$refx"',
    );
  });

  it("refuses a change outside every target, a sibling whose name starts with the target's among them", () => {
    const text = textOf([update(`${PROPERTIES}.charge_details`, { description: "x" })]);
    expect(problemOf([update(`${PROPERTIES}.charge`, { description: "x" })], { text })).toBe(
      "the patched spec changes /components/schemas/Log/properties/charge_details/description, which no action names",
    );
    expect(problemOf([update(`${PROPERTIES}.charge_details`, { description: "x" })], { text })).toBeUndefined();
    expect(problemOf([update(PROPERTIES, {})], { text })).toBeUndefined();
    const both = [update(`${PROPERTIES}.charge_details`, { description: "x" }), update(`${PROPERTIES}.url`, {})];
    expect(problemOf(both, { text })).toBeUndefined();
    expect(problemOf([update("$.paths['/api/video/logs'].get", { summary: "x" })])).toBeUndefined();
  });

  it("refuses a body the patched spec rejects, unless each of its changes was not proposed", () => {
    const extra = body({ ...completedLog, extra: 1 });
    expect(problemOf([], { bodies: [extra] })).toBe("the patched spec rejects an observed get_log 200 body");
    expect(problemOf([], { bodies: [extra], notProposed: [propertyKey("/components/schemas/Log", "extra")] })).toBe(
      undefined,
    );
    expect(problemOf([], { bodies: [extra], notProposed: [overflowKey("/components/schemas/Log")] })).toBeUndefined();
    const two = body({ ...completedLog, extra: 1, other: 2 });
    expect(problemOf([], { bodies: [two], notProposed: [propertyKey("/components/schemas/Log", "extra")] })).toBe(
      "the patched spec rejects an observed get_log 200 body",
    );
  });

  it("refuses a body of an undeclared status unless the status was not proposed, and one no observation explains", () => {
    const teapot = body({ a: 1 }, 418);
    expect(problemOf([], { bodies: [teapot] })).toBe("the patched spec rejects an observed get_log 418 body");
    const responses = "/paths/~1api~1video~1logs~1{id}/get/responses";
    expect(problemOf([], { bodies: [teapot], notProposed: [statusKey(responses, "418")] })).toBeUndefined();
    expect(problemOf([], { bodies: [body({ a: 1 }, 200, "nope")] })).toBe(
      "the patched spec rejects an observed nope 200 body",
    );
  });

  it("judges a body with the schema of its own status, not another of its operation", () => {
    expect(problemOf([], { bodies: [body({ error: "Unauthorized" }, 401)] })).toBeUndefined();
  });

  it("judges every body of one response, not only the first", () => {
    const bodies = [body(completedLog), body({ ...completedLog, extra: 1 })];
    expect(problemOf([], { bodies })).toBe("the patched spec rejects an observed get_log 200 body");
  });
});

describe("the differences between two values", () => {
  it("are the shallowest pointers, sorted and escaped, a key on one side only among them", () => {
    expect(differences({ a: 1, z: 1, b: { c: 1 } }, { b: { c: 2 }, d: 1 })).toEqual(["/a", "/b/c", "/d", "/z"]);
    expect(differences({ "a/b": 1, "~": 1 }, {})).toEqual(["/a~1b", "/~0"]);
    expect(differences({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it("take an array of another length, an array against a mapping, or null against a mapping, as a whole", () => {
    expect(differences([1, 2], [1, 3])).toEqual(["/1"]);
    expect(differences({ a: [1, 2] }, { a: [1, 2, 3] })).toEqual(["/a"]);
    expect(differences({ a: [1] }, { a: { 0: 1 } })).toEqual(["/a"]);
    expect(differences({ a: { 0: 1 } }, { a: [1] })).toEqual(["/a"]);
    expect(differences({ a: null }, { a: {} })).toEqual(["/a"]);
    expect(differences({ a: {} }, { a: null })).toEqual(["/a"]);
  });

  it("take a Date against a mapping or a string as a whole, on either side", () => {
    expect(differences({ d: new Date(0) }, { d: new Date(0) })).toEqual([]);
    expect(differences({ d: new Date(0) }, { d: {} })).toEqual(["/d"]);
    expect(differences({ d: {} }, { d: new Date(0) })).toEqual(["/d"]);
    expect(differences({ d: "2001-12-14" }, { d: new Date("2001-12-14") })).toEqual(["/d"]);
  });
});

describe("the references of the original", () => {
  it("are every `$ref` with its value, at any depth, and every other key holding `$ref`", () => {
    const spec = { a: { $ref: "#/x" }, b$ref: 1, c: [{ $ref: { $ref: 2 } }], d: "$ref: #/y" };
    expect(baselineOf(spec as never).refs).toEqual(
      new Set(['$ref: "#/x"', 'a key "b$ref"', '$ref: {"$ref":2}', "$ref: 2"]),
    );
  });
});
