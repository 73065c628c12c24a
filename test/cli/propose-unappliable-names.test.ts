// `video-logs check --har FILE --propose P` with property names openapi-format cannot carry: `__proto__` (its deep
// merge writes it onto Object.prototype, spilling the new schema's keywords into every object it writes) and a name
// holding `$ref` (dropped with the schema that holds it). Such names are listed under x-not-proposed; the rest of the
// proposal applies and leaves a valid spec.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { assertBuilt, type CliRunner, runBin, runInProcess } from "../helpers/cli.ts";
import { harEntry, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-unappliable-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG_URL = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
/** A get_log body with extra members written as raw JSON, so `__proto__` is a property, not a prototype. */
const logWith = (members: string) => JSON.stringify(completedLog).replace(/}$/, `,${members}}`);
let files = 0;

/**
 * Writes the recording, runs `check --har --propose` on it and applies the proposal with openapi-format. The first
 * test runs the built executable; the others run the runCli it runs, in-process: what they judge is the proposal file.
 */
async function proposeAndApply(
  bodies: { status?: number; text: string; url?: string }[],
  run: CliRunner = runInProcess,
) {
  const n = files++;
  const entries = bodies.map(({ status, text, url }) =>
    harEntry({ url: url ?? LOG_URL, status, text, responseHeaders: { "content-type": "application/json" } }),
  );
  const har = writeHar(dir, `u${n}.har`, { log: { version: "1.2", creator: { name: "t", version: "1" }, entries } });
  const proposalFile = join(dir, `u${n}.yaml`);
  const result = await run(["check", "--har", har, "--quiet", "--propose", proposalFile]);
  const yaml = readFileSync(proposalFile, "utf8");
  const patched = parse((await applyOverlay(yaml)).text) as OpenApiDocument;
  return { result, overlay: parse(yaml) as OverlayDocument, patched };
}

/** get_log's validator for a status, compiled once per patched spec and status (a test judges several bodies). */
const validators = new WeakMap<OpenApiDocument, Map<number, ValidateFunction>>();
const judge = (spec: OpenApiDocument, status: number, body: unknown) => {
  const bySpec = validators.get(spec) ?? new Map<number, ValidateFunction>();
  validators.set(spec, bySpec);
  let validate = bySpec.get(status);
  if (!validate) {
    validate = createSpecAjv(spec).compile(
      responseSchemas(spec).find((r) => r.operationId === "get_log" && r.status === String(status))!.schema,
    );
    bySpec.set(status, validate);
  }
  return validate(body);
};

describe("check --propose with names openapi-format cannot carry", { timeout: 60_000 }, () => {
  it("lists __proto__ and names holding $ref under x-not-proposed, at any depth, and proposes the other new properties", async () => {
    const { overlay, patched } = await proposeAndApply(
      [
        { text: logWith('"__proto__":{"type":"string"},"a$ref":1,"plain_new":1') },
        { text: logWith('"deep":{"__proto__":{"x":1},"ok":1},"deeper":{"$ref":"#/x"}') },
      ],
      runBin,
    );
    const reasons = (overlay["x-not-proposed"] ?? []).map((entry) => entry.reason).join("\n");
    for (const name of ["__proto__", "a$ref", "deep", "deeper"]) expect(reasons).toContain(JSON.stringify(name));
    const ours = loadSpec().components.schemas.Log.properties;
    expect(patched.components.schemas.Log.properties).toEqual({
      ...ours,
      plain_new: expect.objectContaining({ type: "integer" }),
    });
    expect(judge(patched, 200, { ...completedLog, plain_new: 1 })).toBe(true);
    expect(judge(patched, 200, { ...completedLog, another_new: 1 })).toBe(false);
  });

  it("does not declare an undeclared status whose bodies hold such a name, and leaves the spec as it was", async () => {
    const { overlay, patched } = await proposeAndApply([
      { status: 418, text: '{"error":"teapot","detail":{"__proto__":{"type":"x"}}}' },
    ]);
    expect(patched).toEqual(loadSpec());
    expect((overlay["x-not-proposed"] ?? []).map((entry) => entry.reason).join("\n")).toContain(`named "__proto__"`);
  });
});

describe("check --propose with an enum value openapi-format would rewrite", { timeout: 60_000 }, () => {
  it("drops the enum instead of listing a value holding $ref:, so the observed body is valid for the patched spec", async () => {
    const body = { ...completedLog, status: "moved $ref: elsewhere" };
    const { overlay, patched } = await proposeAndApply([{ text: JSON.stringify(body) }]);
    expect(judge(patched, 200, body)).toBe(true);
    expect(overlay.actions.map((action) => action.description).join("\n")).toContain("openapi-format rewrites");
    expect(judge(patched, 200, { ...completedLog, another_new: 1 })).toBe(false);
  });
});

describe("check --propose with server text openapi-format would rewrite into broken YAML", { timeout: 60_000 }, () => {
  it("keeps every action applicable when an undeclared status's body quotes $ref and a colon", async () => {
    const teapot = { error: "say \"$ref: x\" or '$ref:y'" };
    const { patched } = await proposeAndApply([
      { text: logWith('"plain_new":1') },
      { status: 418, text: JSON.stringify(teapot) },
    ]);
    expect(patched.components.schemas.Log.properties.plain_new).toMatchObject({ type: "integer" });
    expect(judge(patched, 418, teapot)).toBe(true);
    const example = (
      patched.paths["/api/video/logs/{id}"]!.get!.responses as Record<
        string,
        { content: Record<string, { examples: { observed: { value: unknown } } }> }
      >
    )["418"]!.content["application/json"]!.examples.observed.value;
    expect(judge(patched, 418, example)).toBe(true);
  });

  it("keeps every action applicable when a name or a recorded URL listed under x-not-proposed holds $ref and a colon", async () => {
    const { overlay, patched } = await proposeAndApply([
      { text: logWith(`"plain_new":1,"it's \\"$ref: x\\"":1`), url: `${LOG_URL}?q='$ref:y'` },
    ]);
    expect(patched.components.schemas.Log.properties.plain_new).toMatchObject({ type: "integer" });
    expect(overlay["x-not-proposed"]).toMatchObject([{ requests: [expect.stringContaining("$ref%3Ay")] }]);
  });
});
