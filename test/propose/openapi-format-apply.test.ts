// The applier a proposal is verified with (src/propose/openapi-format-apply.ts) against openapi-format itself, run as
// its CLI (`SPEC --overlayFile P --no-sort -o OUT.yaml`): the same patched text, byte for byte, for the overlays a
// proposal writes, the hostile values the review found among them. The property test (verified-proposal-
// property.test.ts) compares the two again on random bodies, with openapi-format's library.
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import {
  applyAsOpenapiFormat,
  readOverlayAsOpenapiFormat,
  simplePathTokens,
  writeAsOpenapiFormat,
} from "../../src/propose/openapi-format-apply.ts";
import { overlayYaml } from "../../src/propose/overlay-document.ts";
import { Proposal } from "../../src/propose/proposal.ts";
import { applyOverlay } from "../helpers/apply-overlay.ts";
import { observeAnswers } from "../helpers/observed-exchanges.ts";
import { DRIFTED_ANSWERS } from "./drift-cases.ts";

const OURS = loadSpec();

/** Our applier's text for an overlay's YAML, and the actions it would leave unused. */
function ourApply(text: string) {
  const { overlay, error } = readOverlayAsOpenapiFormat(text);
  if (!overlay) throw new Error(error);
  const { doc, unused } = applyAsOpenapiFormat(OURS, overlay);
  return { text: writeAsOpenapiFormat(doc), unused };
}

const overlayOf = (actions: object[]) =>
  overlayYaml({ overlay: "1.0.0", info: { title: "t", version: "1" }, actions } as never);

const HOSTILE_ENUM = [
  "in-progress",
  { a: "1234567890123456===" },
  12345678901234567000,
  1.5e300,
  "$ref: /etc/passwd",
  "a$ref:b",
  null,
];

describe("the applier a proposal is verified with", { timeout: 120_000 }, () => {
  it("writes the patched spec openapi-format writes for the README's drifted recording, byte for byte", async () => {
    const proposal = new Proposal();
    for (const exchange of await observeAnswers(DRIFTED_ANSWERS)) proposal.observe(exchange);
    const yaml = proposal.yaml();
    expect(ourApply(yaml)).toEqual({ text: (await applyOverlay(yaml)).text, unused: [] });
  });

  it("writes what openapi-format writes for values it rewrites: __proto__, `===` numbers, long numbers, $ref: text, YAML 1.1 names", async () => {
    const withProto = JSON.parse('[{"__proto__":{"x":1},"a":1}]') as unknown[];
    const yaml = overlayOf([
      { target: "$.components.schemas.LogStatus.enum", description: "d", remove: true },
      { target: "$.components.schemas.LogStatus", description: "d", update: { enum: [...withProto, ...HOSTILE_ENUM] } },
      {
        target: "$.components.schemas.Log.properties",
        description: "$ref: x",
        update: Object.fromEntries(
          ["<<", "1_000", "0b101", "yes", "1:20", "n\udfffm", "it's", "back\\slash"].map((name) => [
            name,
            { type: "string", description: "Not yet described." },
          ]),
        ),
      },
      { target: "$.paths['/api/video/logs'].get.responses", description: "d", update: { "418": { description: "x" } } },
    ]);
    expect(ourApply(yaml)).toEqual({ text: (await applyOverlay(yaml)).text, unused: [] });
  });

  it("leaves unused, as openapi-format does, an action whose target names nothing", async () => {
    const yaml = overlayOf([
      { target: "$.components.schemas.Nowhere.properties", description: "d", update: { a: { type: "string" } } },
      { target: "$.info", description: "d", update: {} },
    ]);
    expect(ourApply(yaml)).toEqual({ text: (await applyOverlay(yaml)).text, unused: [0] });
  });

  it("reads exactly the JSONPath a proposal writes: dot names and bracketed quoted names", () => {
    expect(simplePathTokens("$.paths['/api/video/logs'].get['it\\'s']['back\\\\slash']")).toEqual([
      "paths",
      "/api/video/logs",
      "get",
      "it's",
      "back\\slash",
    ]);
    expect(simplePathTokens("$.a[*]")).toBeUndefined();
    expect(simplePathTokens("$..a")).toBeUndefined();
  });
});
