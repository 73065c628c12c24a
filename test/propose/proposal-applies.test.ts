import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validate as validateOas31 } from "@hyperjump/json-schema/openapi-3-1";
import type { ValidateFunction } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REDOCLY_CONFIG, runRedocly } from "../../scripts/lib/bundle-redocly.ts";
import type { Exchange } from "../../src/client/exchange.ts";
import { diffDocuments } from "../../src/diff/diff-documents.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { Proposal } from "../../src/propose/proposal.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { observeAnswers } from "../helpers/observed-exchanges.ts";
import { completedLog } from "../helpers/sample-bodies.ts";
import { DRIFTED_ANSWERS, EXPECTED_DIFFERENCES, HOSTILE_VALUE, LEAKED_SECRET } from "./drift-cases.ts";

const OAS_31_WITH_2020_12 = "https://spec.openapis.org/oas/3.1/schema-draft-2020-12";

/** Without `spec`, the Proposal reads our spec itself, as the CLI's does. */
function proposalOf(exchanges: readonly Exchange[], spec?: OpenApiDocument): Proposal {
  const proposal = new Proposal(spec);
  for (const exchange of exchanges) proposal.observe(exchange);
  return proposal;
}

/** A validator of the patched spec, compiled now with the generator's ajv settings, by operation and status. */
function judgeWith(spec: OpenApiDocument) {
  const ajv = createSpecAjv(spec);
  const schemas = responseSchemas(spec);
  // Each response's validator is compiled once, at its first body.
  const compiled = new Map<object, ValidateFunction>();
  return (operationId: string, status: number, body: unknown) => {
    const response = schemas.find(
      (candidate) => candidate.operationId === operationId && candidate.status === String(status),
    );
    if (!response) return [`${operationId} ${status} is not declared`];
    let validate = compiled.get(response);
    if (!validate) {
      validate = ajv.compile(response.schema);
      compiled.set(response, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map(
          (error) => `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`,
        );
  };
}

/** Every object schema in a document (components and inline), by pointer, that is not closed. */
function openObjects(node: unknown, pointer = ""): string[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => openObjects(item, `${pointer}/${index}`));
  if (node === null || typeof node !== "object") return [];
  const record = node as Record<string, unknown>;
  const types = [record.type].flat();
  const open =
    types.includes("object") && record.additionalProperties !== false && !pointer.includes("/examples/")
      ? [pointer]
      : [];
  return [
    ...open,
    ...Object.entries(record).flatMap(([key, value]) =>
      key === "example" || key === "examples" ? [] : openObjects(value, `${pointer}/${key}`),
    ),
  ];
}

/** Our spec, parsed once for the file; the tests only read it (the diff gets its own copy). */
const OURS = loadSpec();

let exchanges: Exchange[];
let yaml: string;
let overlay: OverlayDocument;
let patched: OpenApiDocument;
let applyMs: number;
let dir: string;

beforeAll(async () => {
  exchanges = await observeAnswers(DRIFTED_ANSWERS);
  yaml = proposalOf(exchanges).yaml();
  overlay = parse(yaml) as OverlayDocument;
  const applied = await applyOverlay(yaml);
  patched = parse(applied.text) as OpenApiDocument;
  applyMs = applied.ms;
  dir = await mkdtemp(join(tmpdir(), "video-logs-proposal-"));
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a proposal applied with openapi-format", () => {
  it("makes every observed JSON body valid for the patched spec, compiled with the generator's ajv settings", () => {
    const judge = judgeWith(patched);
    const json = exchanges.filter((exchange) => exchange.parsed.ok);
    expect(json.length).toBe(DRIFTED_ANSWERS.length - 1);
    for (const exchange of json) {
      expect(
        judge(exchange.operationId, exchange.response.status, (exchange.parsed as { body: unknown }).body),
        `${exchange.operationId} ${exchange.response.status}`,
      ).toEqual([]);
    }
    expect(applyMs).toBeGreaterThan(0);
  });

  it("still rejects a body with another unknown field: every object stays closed", () => {
    const judge = judgeWith(patched);
    expect(judge("get_log", 200, { ...completedLog, surprise: true })).toContain(
      ' additionalProperties {"additionalProperty":"surprise"}',
    );
    expect(
      judge("get_log", 200, { ...completedLog, charge_details: [{ description: "x", charge: 1, surprise: 1 }] }),
    ).toContain('/charge_details/0 additionalProperties {"additionalProperty":"surprise"}');
    expect(openObjects(patched)).toEqual([]);
  });

  it("changes exactly what `video-logs diff` then lists, each change classified", () => {
    const report = diffDocuments(
      { side: "ours", label: "ours", title: "ours", version: "1", doc: structuredClone(OURS) },
      { side: "theirs", label: "patched", title: "patched", version: "1", doc: patched },
    );
    const seen = report.differences.map(({ level, kind, theirs }) => ({ level, kind, theirs }));
    expect(seen).toEqual(expect.arrayContaining(EXPECTED_DIFFERENCES));
    expect(seen, JSON.stringify(report.differences, null, 1)).toHaveLength(EXPECTED_DIFFERENCES.length);
  });

  it("patches only the union branch the validator chose for each body", () => {
    const ours = OURS;
    expect(patched.components.schemas.Log.properties.deleted_by).toBeUndefined();
    expect(patched.components.schemas.DiscardedLog.required).toEqual(ours.components.schemas.DiscardedLog.required);
    expect(patched.components.schemas.DiscardedLog.properties.deleted_by).toMatchObject({
      type: "string",
      format: "uuid",
    });
  });

  it("passes the spec's gates: Redocly lint, the OpenAPI 3.1 schema, and every named example valid", async () => {
    const file = join(dir, "patched.yaml");
    await writeFile(file, JSON.stringify(patched));
    const lint = await runRedocly(["lint", file, "--config", REDOCLY_CONFIG]);
    expect(lint.code, lint.output).toBe(0);
    expect(await validateOas31(OAS_31_WITH_2020_12, patched, "BASIC")).toEqual({ valid: true });
    const ajv = createSpecAjv(patched);
    const responses = responseSchemas(patched);
    expect(
      responses
        .filter((response) => Object.keys(response.examples).length === 0)
        .map((r) => `${r.operationId} ${r.status}`),
    ).toEqual([]);
    for (const response of responses) {
      const validate = ajv.compile(response.schema);
      for (const [name, value] of Object.entries(response.examples))
        expect(validate(value) ? [] : validate.errors, `${response.operationId} ${response.status} ${name}`).toEqual(
          [],
        );
    }
  }, 60_000);
});

describe("the proposal document", () => {
  it("is Overlay 1.0.0 with only plain update and remove actions on simple JSONPath targets", () => {
    expect(overlay.overlay).toBe("1.0.0");
    expect(overlay.info).toEqual({ title: expect.any(String), version: expect.any(String) });
    for (const action of overlay.actions) {
      expect(Object.keys(action).sort()).toEqual(
        "remove" in action ? ["description", "remove", "target"] : ["description", "target", "update"],
      );
      // Dot names and bracketed quoted names only: no wildcards, filters, slices or recursive descent.
      expect(action.target).toMatch(/^\$(\.[A-Za-z_][A-Za-z0-9_]*|\['(?:[^'\\]|\\.)*'\])+$/);
    }
  });

  it("declares a new property as optional and documented, with its type and format inferred from every observation", () => {
    const ours = OURS;
    const details = patched.components.schemas.ChargeDetail;
    expect(details.required).toEqual(ours.components.schemas.ChargeDetail.required);
    expect(details.properties.units).toMatchObject({
      type: "number",
      format: "double",
      description: expect.stringMatching(/\S/),
    });
    expect(details.properties.unit_price).toMatchObject({ type: "number", format: "double" });
    expect(details.additionalProperties).toBe(false);
  });

  it("widens a changed type, adds an enum value, drops a missing property from required and allows null", () => {
    const log = patched.components.schemas.Log;
    // ajv's strict mode forbids `type: [number, string]`: the old schema becomes the first branch of an anyOf.
    expect(log.properties.charge).toEqual({
      description: OURS.components.schemas.Log.properties.charge.description,
      anyOf: [{ type: "number", format: "double" }, { type: "string" }],
    });
    expect(patched.components.schemas.LogStatus.enum).toEqual(["in-progress", "completed", "failed", null]);
    expect(log.required).not.toContain("locked");
    expect(log.required).toHaveLength(OURS.components.schemas.Log.required.length - 1);
    expect(log.properties.url.type).toEqual(["string", "null"]);
  });

  it("proposes an undeclared status with a closed schema inferred from its bodies, and a named example", () => {
    const conflict = patched.paths["/api/video/logs/{id}"].get.responses["409"];
    expect(conflict.content["application/json"].schema).toEqual({
      type: "object",
      additionalProperties: false,
      required: ["error", "retry_in"],
      properties: { error: { type: "string" }, retry_in: { type: "integer" } },
    });
    expect(conflict.content["application/json"].examples.observed.value).toEqual({ error: "Conflict", retry_in: 30 });
  });

  it("reports a body that is not JSON instead of proposing anything for it", () => {
    expect(overlay["x-not-proposed"]).toEqual([
      { where: "get_log 200", reason: expect.stringContaining("not JSON"), observations: 1, requests: ["req-html"] },
    ]);
  });

  it("gives every action its evidence as plain text: how many observations, an example value and the request ids", () => {
    const status = overlay.actions.filter((action) => action.target.startsWith("$.components.schemas.LogStatus"));
    expect(status).toHaveLength(2);
    for (const action of status)
      expect(action.description).toContain(
        'Evidence: 1 observation (get_log 200); example: "failed"; requests: req-status.',
      );
  });

  it("never copies the value of a property whose name suggests a secret", () => {
    expect(yaml).not.toContain(LEAKED_SECRET);
    expect(JSON.stringify(patched)).not.toContain(LEAKED_SECRET);
    const apiKey = overlay.actions.find((action) => "update" in action && "api_key" in action.update)!;
    expect(apiKey.description).toContain("withheld");
  });

  it("quotes a hostile example cut short, on one line, as the plain JSON text it starts with", () => {
    const note = overlay.actions.find((action) => "update" in action && "note" in action.update)!;
    expect(note.description).toContain(`example: ${JSON.stringify(HOSTILE_VALUE).slice(0, 40)}`);
    expect(note.description).not.toContain(HOSTILE_VALUE.slice(0, 70));
    expect(note.description).not.toContain("\n");
  });

  it("is byte-identical for the same observations in another order", () => {
    // Our spec, handed over as a fresh copy each: the same document the beforeAll's Proposal read for itself.
    const reversed = proposalOf([...exchanges].reverse(), structuredClone(OURS)).yaml();
    const rotated = proposalOf([...exchanges.slice(4), ...exchanges.slice(0, 4)], structuredClone(OURS)).yaml();
    expect(reversed).toBe(yaml);
    expect(rotated).toBe(yaml);
  });

  it("with nothing to propose, still writes an overlay that applies and changes nothing", async () => {
    const clean = await observeAnswers([{ operation: "get_log", status: 200, body: completedLog }]);
    const empty = proposalOf(clean).yaml();
    const document = parse(empty) as OverlayDocument;
    expect(document.actions).toEqual([
      { target: "$.info", description: expect.stringContaining("Nothing to propose"), update: {} },
    ]);
    expect(parse((await applyOverlay(empty)).text)).toEqual(OURS);
  }, 30_000);
});
