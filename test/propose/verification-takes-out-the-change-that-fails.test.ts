// The verified actions of a proposal (src/propose/verified-actions.ts), in process: while the whole fails, the first
// change whose actions make it fail, found by bisection over the changes in order, is taken out with the problem as
// its reason; a spec that fails as it is keeps every change. The cases test/cli/propose-verified.test.ts runs through
// the built CLI, here against src/ (the mutation run judges only in-process tests).
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { Observations } from "../../src/propose/observations.ts";
import { ResponseObserver } from "../../src/propose/observe-response.ts";
import { ObservedBodies } from "../../src/propose/observed-bodies.ts";
import { overlayDocument, overlayYaml } from "../../src/propose/overlay-document.ts";
import { verifiedActions } from "../../src/propose/verified-actions.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const REQUEST = "GET /api/video/logs/x";
const TAKEN_OUT = "verified before writing, this change was taken out: applied as openapi-format applies it, ";
const READ_OTHERWISE =
  "the patched spec, as openapi-format writes it, reads otherwise under YAML 1.1 (js-yaml, Redocly) at";

/** The verified actions for get_log bodies observed against `spec`, rendered as a proposal renders them. */
function verify(spec: OpenApiDocument, answers: { status?: number; body: unknown }[]) {
  const observations = new Observations();
  const bodies = new ObservedBodies();
  const observer = new ResponseObserver(spec, observations, bodies);
  for (const { status = 200, body } of answers) {
    const observed = { place: `get_log ${status}`, request: REQUEST, redactor: NO_SECRETS };
    observations.responses++;
    bodies.add("get_log", status, body, observed);
    observer.observeBody("get_log", status, body, observed);
  }
  return verifiedActions(spec, observations, bodies.list(), (chosen) => overlayYaml(overlayDocument(spec, chosen, [])));
}

/** A get_log body with members written as raw JSON, so that `__proto__` is a property and `\udfff` stays lone. */
const logWith = (members: string) => JSON.parse(JSON.stringify(completedLog).replace(/}$/, `,${members}}`)) as unknown;
const takenOut = (problem: string) => ({
  where: "get_log 200",
  reason: `${TAKEN_OUT}${problem}`,
  observations: 1,
  requests: [REQUEST],
});
const newProperty = (name: string, type: string) => ({
  target: "$.components.schemas.Log.properties",
  description: expect.any(String),
  update: { [name]: { type, description: expect.any(String) } },
});
const withUntypedEnum = () => {
  const spec = loadSpec();
  spec.components.schemas.Log.properties.origin = { description: "Where the log came from.", enum: ["web"] };
  return spec;
};

describe("the verified actions of a proposal", { timeout: 120_000 }, () => {
  it("propose nothing and verify nothing when the bodies call for no change", () => {
    expect(verify(loadSpec(), [{ body: completedLog }])).toEqual({
      actions: [],
      actionKeys: [],
      notProposed: [],
      refusedKeys: new Set(),
    });
  });

  it("keep every change that passes", () => {
    const { actions, notProposed } = verify(loadSpec(), [{ body: logWith('"b":3') }]);
    expect({ actions, notProposed }).toEqual({ actions: [newProperty("b", "integer")], notProposed: [] });
  });

  it("take out each failing change, found among passing ones before and after it, with its own problem", () => {
    const body = logWith('"a1":"1","yes":"2","b1":"3","on":"4","c1":"5"');
    const { actions, notProposed } = verify(loadSpec(), [{ body }]);
    expect({ actions, notProposed }).toEqual({
      actions: [newProperty("a1", "string"), newProperty("b1", "string"), newProperty("c1", "string")],
      notProposed: [
        takenOut(`${READ_OTHERWISE} /components/schemas/Log/properties/on`),
        takenOut(`${READ_OTHERWISE} /components/schemas/Log/properties/true`),
      ],
    });
  });

  it("take out a change of two actions whole, and keep one of two actions before it whole", () => {
    const { actions, notProposed } = verify(loadSpec(), [{ body: logWith('"status":"weird","type":"yes"') }]);
    expect({ actions, notProposed }).toEqual({
      actions: [
        { target: "$.components.schemas.LogStatus.enum", description: expect.any(String), remove: true },
        {
          target: "$.components.schemas.LogStatus",
          description: expect.any(String),
          update: { enum: ["in-progress", "completed", "weird", null] },
        },
      ],
      notProposed: [takenOut(`${READ_OTHERWISE} /components/schemas/LogType/enum/2`)],
    });
  });

  it("judge a change of two actions whole: its first action alone fails, but only the change after it is taken out", () => {
    const spec = loadSpec();
    const properties = spec.components.schemas.Log.properties;
    properties.minutes = { type: "integer", minimum: 0, description: "Minutes." };
    properties.zobj = { type: "object", additionalProperties: false, properties: {}, description: "Closed." };
    // Removing `type` alone leaves `minimum` without it, which the strict gate refuses; with the new type it passes.
    const { actions, notProposed } = verify(spec, [{ body: { ...completedLog, minutes: 1.5, zobj: { yes: 1 } } }]);
    const minutes = "$.components.schemas.Log.properties.minutes";
    expect({ actions, notProposed }).toEqual({
      actions: [
        { target: `${minutes}.type`, description: expect.any(String), remove: true },
        { target: minutes, description: expect.any(String), update: { type: "number" } },
      ],
      notProposed: [takenOut(`${READ_OTHERWISE} /components/schemas/Log/properties/zobj/properties/true`)],
    });
  });

  it("count the changes refused while building as not proposed when judging the bodies", () => {
    const { actions, notProposed } = verify(loadSpec(), [{ body: logWith('"a$ref":1,"yes":2,"b":3') }]);
    expect({ actions, notProposed }).toEqual({
      actions: [newProperty("b", "integer")],
      notProposed: [
        {
          where: "get_log 200",
          reason:
            'an undeclared property of /components/schemas/Log is named "a$ref": openapi-format drops or rewrites a property whose name holds $ref',
          observations: 1,
          requests: [REQUEST],
        },
        takenOut(`${READ_OTHERWISE} /components/schemas/Log/properties/true`),
      ],
    });
  });

  it("keep every change when the spec fails as it is, which no refusal mends", () => {
    const spec = loadSpec();
    (spec.components.schemas as Record<string, unknown>).Broken = {
      description: "b",
      anyOf: [{ type: "object", description: "o", properties: {}, additionalProperties: false }, { type: "string" }],
    };
    const { actions, notProposed } = verify(spec, [{ body: logWith('"yes":1,"b":2') }]);
    expect({ actions, notProposed }).toEqual({
      actions: [newProperty("b", "integer"), newProperty("yes", "integer")],
      notProposed: [],
    });
  });

  it("take out an enum value openapi-format would rewrite so that ajv rejects the body it came from", () => {
    const bodies = [logWith('"origin":{"__proto__":{"x":1},"a":1}'), logWith('"origin":{"a":"1234567890123456==="}')];
    const { actions, notProposed } = verify(
      withUntypedEnum(),
      bodies.map((body) => ({ body })),
    );
    expect({ actions, notProposed }).toEqual({
      actions: [],
      notProposed: [{ ...takenOut("the patched spec rejects an observed get_log 200 body"), observations: 2 }],
    });
  });

  it("take out a property whose name holds a lone surrogate, which ajv cannot compile, and keep the others", () => {
    const { actions, notProposed } = verify(loadSpec(), [{ body: logWith('"n\\udfffm":1,"fine":2') }]);
    expect({ actions, notProposed }).toEqual({
      actions: [newProperty("fine", "integer")],
      notProposed: [takenOut("the patched spec fails the gate strict-schemas: #/components/schemas/Log URI malformed")],
    });
  });

  it("take out the names openapi-format would write plain that YAML 1.1 reads otherwise, and keep the quoted ones", () => {
    const writtenPlain = ["<<", "1_000", "0b101", "1:20", "yes", "off", "y"];
    const quoted = ["0o17", "0x1F", "~", "plain"];
    const members = [...writtenPlain, ...quoted].map((name) => `${JSON.stringify(name)}:"${name}"`).join(",");
    const { actions, notProposed } = verify(loadSpec(), [{ body: logWith(members) }]);
    expect(actions.flatMap((action) => Object.keys((action as { update: object }).update))).toEqual([...quoted].sort());
    expect(notProposed.map((entry) => entry.reason)).toEqual(
      [
        "/components/schemas/Log/properties/0b101",
        "/components/schemas/Log/properties/1000",
        "/components/schemas/Log/properties/1:20",
        "/components/schemas/Log/properties/<<",
        "/components/schemas/Log/properties/false",
        "/components/schemas/Log/properties/true",
        "/components/schemas/Log/properties/true",
      ].map((at) => `${TAKEN_OUT}${READ_OTHERWISE} ${at}`),
    );
  });

  it("never proposes a $ref found as a key inside an object value", () => {
    const { actions, notProposed } = verify(withUntypedEnum(), [
      { body: logWith('"origin":{"$ref":"/etc/passwd"}') },
      { body: logWith('"nested":{"in":{"$ref":"/etc/passwd"}}') },
    ]);
    expect({ actions, notProposed }).toEqual({
      actions: [
        { target: "$.components.schemas.Log.properties.origin.enum", description: expect.any(String), remove: true },
      ],
      notProposed: [
        {
          where: "get_log 200",
          reason:
            'the values of the undeclared property "nested" of /components/schemas/Log have a property named "$ref": openapi-format drops or rewrites a property whose name holds $ref',
          observations: 1,
          requests: [REQUEST],
        },
      ],
    });
  });
});
