// Drift the recording does not show: each case applied with openapi-format to the spec it was judged against,
// then every observed body judged again by ajv compiled from the patched spec.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { Proposal } from "../../src/propose/proposal.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { observeAnswers, type ScriptedAnswer } from "../helpers/observed-exchanges.ts";
import { API_TOKEN, completedLog } from "../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-edge-"));
// The spec parsed once for the file; each use gets its own deep copy, so no case sees another's change.
const OURS = loadSpec();
const ourSpec = (): OpenApiDocument => structuredClone(OURS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Proposes from the answers against `spec`, applies the proposal and returns what a reviewer and ajv would see. */
async function propose(answers: ScriptedAnswer[], spec: OpenApiDocument = ourSpec()) {
  const exchanges = await observeAnswers(answers);
  const proposal = new Proposal(spec);
  exchanges.forEach((exchange) => {
    proposal.observe(exchange);
  });
  const yaml = proposal.yaml();
  const specFile = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(specFile, stringify(spec));
  const patched = parse((await applyOverlay(yaml, specFile)).text) as OpenApiDocument;
  const ajv = createSpecAjv(patched);
  // One validator per response the exchanges reach, compiled once: the bounds case judges 300 bodies of one response.
  const responses = responseSchemas(patched);
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (operationId: string, status: string): ValidateFunction => {
    const key = `${operationId} ${status}`;
    let validate = validators.get(key);
    if (!validate) {
      const response = responses.find((r) => r.operationId === operationId && r.status === status)!;
      validate = ajv.compile(response.schema);
      validators.set(key, validate);
    }
    return validate;
  };
  const remaining = exchanges.flatMap((exchange) => {
    const validate = validatorFor(exchange.operationId, String(exchange.response.status));
    return validate((exchange.parsed as { body: unknown }).body) ? [] : (validate.errors ?? []);
  });
  return { yaml, overlay: parse(yaml) as OverlayDocument, patched, remaining };
}

const withLogProperty = (name: string, schema: object): OpenApiDocument => {
  const spec = ourSpec();
  spec.components.schemas.Log.properties[name] = schema;
  return spec;
};

describe("a proposal", () => {
  it("turns an integer into a number when a fraction arrives, without a union", async () => {
    const spec = withLogProperty("minutes", { type: "integer", description: "Minutes." });
    const { patched, remaining } = await propose(
      [{ operation: "get_log", status: 200, body: { ...completedLog, minutes: 1.5 } }],
      spec,
    );
    expect(patched.components.schemas.Log.properties.minutes).toEqual({ description: "Minutes.", type: "number" });
    expect(remaining).toEqual([]);
  });

  it("takes out a union that would hold an object schema inline, which the spec's gates refuse, and says why", async () => {
    const { overlay, patched, remaining } = await propose([
      { operation: "get_log", status: 200, body: { ...completedLog, charge_details: ["free"] } },
    ]);
    expect(patched.components.schemas.ChargeDetail).toEqual(OURS.components.schemas.ChargeDetail);
    expect(overlay.actions.map((action) => action.target)).toEqual(["$.info"]);
    expect(overlay["x-not-proposed"]).toEqual([
      {
        where: "get_log 200",
        reason:
          "verified before writing, this change was taken out: applied as openapi-format applies it, the patched spec fails the gate strict-schemas: #/components/schemas/ChargeDetail/anyOf/0 is an inline object schema in a union: make it a component and $ref it",
        observations: 1,
        requests: ["GET /api/video/logs/c22d24f6-5a47-4597-9a23-c7d01e696b92"],
      },
    ]);
    expect(remaining.map((error) => `${error.instancePath} ${error.keyword}`)).toContain("/charge_details/0 type");
  });

  it("keeps the changes made inside a schema when the union around it is taken out", async () => {
    const { overlay, patched } = await propose([
      { operation: "get_log", status: 200, body: { ...completedLog, charge_details: ["free"] } },
      {
        operation: "get_log",
        status: 200,
        body: { ...completedLog, charge_details: [{ description: 7, charge: 1, units: 2 }] },
      },
    ]);
    const detail = patched.components.schemas.ChargeDetail;
    expect(detail.anyOf).toBeUndefined();
    expect(detail.properties.units).toMatchObject({ type: "integer" });
    expect(detail.properties.description).toEqual({
      description: "What this line charges for.",
      anyOf: [{ type: "string" }, { type: "integer" }],
    });
    expect(overlay["x-not-proposed"]?.map((entry) => entry.reason)).toEqual([
      expect.stringContaining("is an inline object schema in a union"),
    ]);
  });

  it("reports a value that no branch of a union accepts when no branch can be meant", async () => {
    const { overlay, patched } = await propose([
      { operation: "get_log", status: 200, body: JSON.stringify("a string, not a log") },
    ]);
    expect(patched).toEqual(OURS);
    expect(overlay["x-not-proposed"]).toEqual([
      {
        where: "get_log 200",
        reason: expect.stringContaining("/components/schemas/VideoLog/anyOf"),
        observations: 1,
        requests: ["GET /api/video/logs/c22d24f6-5a47-4597-9a23-c7d01e696b92"],
      },
    ]);
  });

  it("drops a format that an observed string breaks", async () => {
    const { patched, remaining } = await propose([
      { operation: "get_log", status: 200, body: { ...completedLog, created_at: "yesterday" } },
    ]);
    expect(patched.components.schemas.Log.properties.created_at.format).toBeUndefined();
    expect(patched.components.schemas.Log.properties.created_at.type).toBe("string");
    expect(remaining).toEqual([]);
  });

  it("adds an error body's new enum value where the 404 schema is written", async () => {
    const { overlay, remaining } = await propose([
      { operation: "get_log", status: 404, body: { error: "No such log" } },
    ]);
    expect(overlay.actions.map((action) => action.target)).toEqual([
      "$.components.schemas.NotFoundError.properties.error.enum",
      "$.components.schemas.NotFoundError.properties.error",
    ]);
    expect(remaining).toEqual([]);
  });

  it("drops the enum of a secret-named property instead of copying its values", async () => {
    const spec = withLogProperty("api_key_kind", { type: "string", enum: ["live"] });
    const { yaml, patched, remaining } = await propose(
      [{ operation: "get_log", status: 200, body: { ...completedLog, api_key_kind: "sk_test_do-not-copy" } }],
      spec,
    );
    expect(yaml).not.toContain("sk_test_do-not-copy");
    expect(patched.components.schemas.Log.properties.api_key_kind).toEqual({ type: "string" });
    expect(remaining).toEqual([]);
  });

  it("withholds secrets inside an undeclared status's example, keeping the example valid for its schema", async () => {
    const { yaml, patched, remaining } = await propose([
      {
        operation: "get_log",
        status: 418,
        body: { error: "teapot", session: { access_token: "tok-do-not-copy-0123", scope: "video" } },
      },
    ]);
    expect(yaml).not.toContain("tok-do-not-copy-0123");
    const example =
      patched.paths["/api/video/logs/{id}"].get.responses["418"].content["application/json"].examples.observed.value;
    expect(example).toEqual({ error: "teapot", session: { access_token: "[withheld]", scope: "video" } });
    expect(remaining).toEqual([]);
  });

  it("proposes no property whose name holds the credentials or is too long, and says so", async () => {
    const long = "x".repeat(200);
    const { yaml, overlay } = await propose([
      { operation: "get_log", status: 200, body: { ...completedLog, [API_TOKEN]: 1, [long]: 2 } },
    ]);
    expect(yaml).not.toContain(API_TOKEN);
    expect(yaml).not.toContain(long);
    expect(overlay["x-not-proposed"]?.map((entry) => entry.reason)).toEqual([
      expect.stringContaining("holds a credential"),
      expect.stringContaining("too long to copy (200 characters)"),
    ]);
  });

  it("bounds what a hostile server can add: 100 new names per schema, the smallest whatever their order, and no over-wide shape", async () => {
    const names = Array.from({ length: 150 }, (_, i) => `extra_${String(i).padStart(3, "0")}`);
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]));
    const bodies = (order: string[]) =>
      order.map(
        (name): ScriptedAnswer => ({ operation: "get_log", status: 200, body: { ...completedLog, [name]: 1 } }),
      );
    const forward = await propose([
      ...bodies(names),
      { operation: "get_log", status: 200, body: { ...completedLog, a_wide_one: wide } },
    ]);
    const backward = await propose([
      { operation: "get_log", status: 200, body: { ...completedLog, a_wide_one: wide } },
      ...bodies([...names].reverse()),
    ]);
    expect(backward.yaml).toBe(forward.yaml);
    const added = Object.keys(forward.patched.components.schemas.Log.properties).filter(
      (name) => !(name in OURS.components.schemas.Log.properties),
    );
    expect(added).toEqual(names.slice(0, 99));
    expect(forward.overlay["x-not-proposed"]?.map((entry) => [entry.reason, entry.observations])).toEqual([
      [expect.stringContaining("more than 100 new property names"), 51],
      [expect.stringContaining("too wide to propose"), 1],
    ]);
  });
});
