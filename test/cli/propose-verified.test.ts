// `video-logs check --har FILE --propose P`: every proposal is verified before it is written (src/propose/
// verified-actions.ts). The cases a hostile-input review found, each a recording run through the built CLI, the
// proposal applied with openapi-format and read with YAML 1.2 (`yaml`) and YAML 1.1 (js-yaml, which Redocly uses).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load as loadYaml11 } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { firstFailedGate } from "../../src/openapi/document-gates.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { refKeyPointer } from "../../src/propose/ref-key.ts";
import { differences } from "../../src/propose/verify-proposal.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { assertBuilt, type CliRunner, runBin, runInProcess } from "../helpers/cli.ts";
import { harEntry, writeHar } from "../helpers/har-recording.ts";
import { completedLog } from "../helpers/sample-bodies.ts";

const dir = mkdtempSync(join(tmpdir(), "video-logs-verified-"));
beforeAll(() => assertBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG_URL = `https://example.signalwire.com/api/video/logs/${completedLog.id}`;
/** A get_log body with extra members written as raw JSON, so `__proto__` is a property and `\udfff` stays lone. */
const logWith = (members: string) => JSON.stringify(completedLog).replace(/}$/, `,${members}}`);
let files = 0;

/** Our spec with an enum that admits any type (`Log.origin`), as a `--spec` document can have. */
const SPEC_WITH_UNTYPED_ENUM = (() => {
  const spec = loadSpec();
  spec.components.schemas.Log.properties.origin = { description: "Where the log came from.", enum: ["web"] };
  const file = join(dir, "untyped-enum.yaml");
  writeFileSync(file, stringify(spec));
  return { spec, file };
})();

/**
 * Records the bodies, runs `check --har --propose` (with `--spec` when given, always in a child process: in this
 * process `--spec` would stay the active spec for the files that share the worker) and applies the proposal.
 */
async function propose(
  texts: string[],
  { run = runInProcess as CliRunner, spec = undefined as string | undefined } = {},
) {
  const n = files++;
  const entries = texts.map((text) =>
    harEntry({ url: LOG_URL, text, responseHeaders: { "content-type": "application/json" } }),
  );
  const har = writeHar(dir, `v${n}.har`, { log: { version: "1.2", creator: { name: "t", version: "1" }, entries } });
  const proposalFile = join(dir, `v${n}.yaml`);
  const specArgs = spec === undefined ? [] : ["--spec", spec];
  const result = await (spec === undefined ? run : runBin)([
    "check",
    "--har",
    har,
    "--quiet",
    ...specArgs,
    "--propose",
    proposalFile,
  ]);
  const yaml = readFileSync(proposalFile, "utf8");
  const applied = await applyOverlay(yaml, spec);
  return { result, yaml, overlay: parse(yaml) as OverlayDocument, patchedText: applied.text };
}

/** Whether get_log 200 of `spec` accepts `body`, compiled as the generator compiles it. */
function accepts(spec: OpenApiDocument, body: unknown): boolean {
  const response = responseSchemas(spec).find((r) => r.operationId === "get_log" && r.status === "200")!;
  return createSpecAjv(spec).compile(response.schema)(body) as boolean;
}

/** Where js-yaml reads a text otherwise than `yaml` does (openapi-format writes our examples' timestamps plain). */
const readOtherwise = (text: string) => differences(parse(text), loadYaml11(text));
const UNPATCHED = new Map<string | undefined, string[]>();

/** What every written proposal must be: the same under YAML 1.1, applied the same under 1.1 and a valid spec. */
async function expectSound(yaml: string, patchedText: string, spec?: string) {
  expect(readOtherwise(yaml)).toEqual([]);
  if (!UNPATCHED.has(spec)) UNPATCHED.set(spec, readOtherwise((await applyOverlay(NOTHING, spec)).text));
  expect(readOtherwise(patchedText)).toEqual(UNPATCHED.get(spec));
  const patched = parse(patchedText) as OpenApiDocument;
  expect(firstFailedGate(patched)).toBeUndefined();
  return patched;
}

const NOTHING = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    update: {}\n";
const TAKEN_OUT = "verified before writing, this change was taken out: applied as openapi-format applies it, ";

describe("check --propose verifies the proposal before writing it", { timeout: 120_000 }, () => {
  it("takes out an enum value openapi-format would rewrite so that ajv rejects the body it came from", async () => {
    const bodies = [logWith('"origin":{"__proto__":{"x":1},"a":1}'), logWith('"origin":{"a":"1234567890123456==="}')];
    const { result, yaml, overlay, patchedText } = await propose(bodies, { spec: SPEC_WITH_UNTYPED_ENUM.file });
    expect(result.code).toBe(1);
    const patched = await expectSound(yaml, patchedText, SPEC_WITH_UNTYPED_ENUM.file);
    expect(patched.components.schemas.Log.properties.origin).toEqual(
      SPEC_WITH_UNTYPED_ENUM.spec.components.schemas.Log.properties.origin,
    );
    expect(overlay.actions.map((action) => action.target)).toEqual(["$.info"]);
    expect(overlay["x-not-proposed"]).toEqual([
      {
        where: "get_log 200",
        reason: `${TAKEN_OUT}the patched spec rejects an observed get_log 200 body`,
        observations: 2,
        requests: [`GET /api/video/logs/${completedLog.id}`],
      },
    ]);
  });

  it("takes out a property whose name holds a lone surrogate, which ajv cannot compile, and keeps the others", async () => {
    const body = logWith('"n\\udfffm":1,"fine":2');
    const { yaml, overlay, patchedText } = await propose([body]);
    const patched = await expectSound(yaml, patchedText);
    expect(Object.keys(patched.components.schemas.Log.properties)).toContain("fine");
    expect(Object.keys(patched.components.schemas.Log.properties)).not.toContain("n\udfffm");
    expect(overlay["x-not-proposed"]).toEqual([
      {
        where: "get_log 200",
        reason: expect.stringMatching(/^verified before writing, .*URI malformed/),
        observations: 1,
        requests: [`GET /api/video/logs/${completedLog.id}`],
      },
    ]);
  });

  it("quotes in the proposal what YAML 1.1 reads otherwise, and takes out names openapi-format would write plain", async () => {
    // openapi-format quotes what YAML 1.2 reads as a number or null (`0o17`, `0x1F`, `~`), not what only 1.1 does.
    const writtenPlain = ["<<", "1_000", "0b101", "1:20", "yes", "off", "y"];
    const quoted = ["0o17", "0x1F", "~", "plain"];
    const body = logWith([...writtenPlain, ...quoted].map((name) => `${JSON.stringify(name)}:"${name}"`).join(","));
    const { yaml, overlay, patchedText } = await propose([body]);
    const patched = await expectSound(yaml, patchedText);
    const names = Object.keys(patched.components.schemas.Log.properties);
    expect(names).toEqual(expect.arrayContaining(quoted));
    for (const name of writtenPlain) expect(names).not.toContain(name);
    // Each of those names was in the proposal's first version, quoted so that js-yaml reads it as written.
    const reasons = overlay["x-not-proposed"]!.map((entry) => entry.reason);
    expect(reasons).toHaveLength(writtenPlain.length);
    for (const reason of reasons)
      expect(reason).toMatch(
        /^verified before writing, .*, the patched spec, as openapi-format writes it, reads otherwise under YAML 1\.1 \(js-yaml, Redocly\) at \/components\/schemas\/Log\/properties\//,
      );
    expect(accepts(patched, JSON.parse(body))).toBe(false);
  });

  it("never writes a $ref found as a key inside an object value, in an enum, a schema or an example", async () => {
    const evil = '{"$ref":"/etc/passwd"}';
    const { yaml, patchedText } = await propose([logWith(`"origin":${evil}`), logWith(`"nested":{"in":${evil}}`)], {
      spec: SPEC_WITH_UNTYPED_ENUM.file,
    });
    const patched = await expectSound(yaml, patchedText, SPEC_WITH_UNTYPED_ENUM.file);
    expect(refKeyPointer(parse(yaml))).toBeUndefined();
    expect(patchedText).not.toContain("/etc/passwd");
    expect(patched.components.schemas.Log.properties.nested).toBeUndefined();
    expect(patched.components.schemas.Log.properties.origin).toEqual({ description: "Where the log came from." });
  });
});

describe("check --propose gives the same bytes in any order", { timeout: 120_000 }, () => {
  const twoOrders = async (texts: string[]) => {
    const forward = await propose(texts);
    const backward = await propose([...texts].reverse());
    return { forward: forward.yaml, backward: backward.yaml, overlay: forward.overlay };
  };

  it("gives one reason for two bodies of one response that are not JSON for different reasons", async () => {
    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString("latin1");
    const { forward, backward, overlay } = await twoOrders(["{not json", invalidUtf8]);
    expect(forward).toBe(backward);
    expect(overlay["x-not-proposed"]?.map((entry) => entry.reason)).toEqual([
      expect.stringMatching(/^the body is not JSON \(/),
    ]);
  });

  it('gives one reason for a new property 200 names wide in one body and holding {"$ref":1} in another', async () => {
    const wide = `{${Array.from({ length: 201 }, (_, i) => `"k${i}":1`).join(",")}}`;
    const { forward, backward, overlay } = await twoOrders([logWith(`"extra":${wide}`), logWith('"extra":{"$ref":1}')]);
    expect(forward).toBe(backward);
    expect(overlay["x-not-proposed"]?.map((entry) => entry.reason)).toEqual([
      'the values of the undeclared property "extra" of /components/schemas/Log have a property named "$ref": openapi-format drops or rewrites a property whose name holds $ref',
    ]);
  });
});
