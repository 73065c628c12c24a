// A property of every written proposal, on random observed bodies (seeded, test/helpers/seed.ts): arbitrary keys and
// values, strings YAML 1.1 reads otherwise, numbers as strings, lone surrogates, `$ref` at any depth. Applied with
// openapi-format's library (as its CLI applies it), the proposal gives a spec that passes the document gates, holds no
// `$ref` the original did not, and accepts every body, or the response it came from is listed under x-not-proposed;
// and our verification's applier gives the same text.
import fc from "fast-check";
import { load as loadYaml11 } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { firstFailedGate } from "../../src/openapi/document-gates.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { createSpecAjv } from "../../src/openapi/spec-ajv.ts";
import {
  applyAsOpenapiFormat,
  readOverlayAsOpenapiFormat,
  writeAsOpenapiFormat,
} from "../../src/propose/openapi-format-apply.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import { Proposal } from "../../src/propose/proposal.ts";
import { differences } from "../../src/propose/verify-proposal.ts";
import { applyOverlayInProcess } from "../helpers/apply-overlay.ts";
import { observeAnswers, type ScriptedAnswer } from "../helpers/observed-exchanges.ts";
import { completedLog } from "../helpers/sample-bodies.ts";
import { seeded } from "../helpers/seed.ts";

const OURS = loadSpec();

/** Every `$ref` key's value and every other key holding `$ref`, at any depth. */
function refs(root: unknown): Set<string> {
  const found = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    for (const [key, value] of Object.entries(node)) {
      if (key.includes("$ref")) found.add(`${key} ${JSON.stringify(value)}`);
      stack.push(value);
    }
  }
  return found;
}
const OUR_REFS = refs(OURS);

const SPECIAL = [
  "<<",
  "1_000",
  "0b101",
  "0o17",
  "0x1F",
  "1:20",
  "yes",
  "off",
  "y",
  "~",
  "null",
  "$ref",
  "a$ref",
  "$ref: /etc/passwd",
  "__proto__",
  "n\udfffm",
  "\ud800",
  "1234567890123456===",
  "12345678901234567890",
  "1e400",
  "-0",
  "2001-12-14",
];
const key = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const leaf = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.dictionary(key, tie("value"), { maxKeys: 3 }),
    fc.array(tie("value"), { maxLength: 3 }),
    tie("value").map(($ref) => ({ $ref })),
  ),
}));
/** A get_log answer: our log with new members and maybe a changed status, or an undeclared status with any body. */
const answer: fc.Arbitrary<ScriptedAnswer> = fc.oneof(
  fc
    .record({ extra: fc.dictionary(key, value, { maxKeys: 3 }), status: fc.option(value, { nil: undefined }) })
    .map(({ extra, status }) => ({
      operation: "get_log" as const,
      status: 200,
      body: { ...completedLog, ...extra, ...(status === undefined ? {} : { status }) },
    })),
  value.map((body) => ({ operation: "get_log" as const, status: 418, body })),
);

/** Whether `spec` accepts the body of get_log `status`. */
function accepts(spec: OpenApiDocument, status: number, body: unknown): boolean {
  const response = responseSchemas(spec).find((r) => r.operationId === "get_log" && r.status === String(status));
  return response !== undefined && (createSpecAjv(spec, { detailed: false }).compile(response.schema)(body) as boolean);
}

describe("a written proposal, for random observed bodies", () => {
  it("applies with openapi-format, passes the gates, adds no $ref and accepts every body, or says which it does not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 3 }), async (answers) => {
        const exchanges = await observeAnswers(answers);
        const proposal = new Proposal();
        for (const exchange of exchanges) proposal.observe(exchange);
        const yaml = proposal.yaml();
        expect(differences(parse(yaml), loadYaml11(yaml))).toEqual([]);
        const text = await applyOverlayInProcess(yaml);
        const { overlay } = readOverlayAsOpenapiFormat(yaml);
        expect(writeAsOpenapiFormat(applyAsOpenapiFormat(OURS, overlay!).doc)).toBe(text);
        const patched = parse(text) as OpenApiDocument;
        expect(firstFailedGate(patched)).toBeUndefined();
        expect([...refs(patched)].filter((ref) => !OUR_REFS.has(ref))).toEqual([]);
        const listed = new Set(((parse(yaml) as OverlayDocument)["x-not-proposed"] ?? []).map((entry) => entry.where));
        for (const exchange of exchanges) {
          if (!exchange.parsed.ok) continue;
          const place = `get_log ${exchange.response.status}`;
          if (!listed.has(place))
            expect(accepts(patched, exchange.response.status, exchange.parsed.body), place).toBe(true);
        }
      }),
      { ...seeded, numRuns: 6 },
    );
  }, 240_000);
});
