// A JSON pointer into the spec mapped to the line and column of its node, through `$ref`s: what the SARIF and GitLab
// reports point at.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeToken, pointerTokens } from "../../src/openapi/json-pointer.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";
import { SpecPositions } from "../../src/report/spec-positions.ts";
import { seeded } from "../helpers/seed.ts";

const SPEC_TEXT = readFileSync(defaultSpecPath(), "utf8");
const SPEC_LINES = SPEC_TEXT.split("\n");
const positions = new SpecPositions(SPEC_TEXT);
const document = positions.toJs();

/** The 1-based number of the first line at or after `from` that is exactly `text`. */
const lineOf = (text: string, from = 1) => SPEC_LINES.indexOf(text, from - 1) + 1;

/** The key a YAML line declares (`'200':` → 200, `- name: x` → name), or undefined for an item with none. */
function keyOnLine(line: string): string | undefined {
  const match = /^\s*(?:- )?(?:'((?:[^']|'')*)'|"([^"]*)"|([^'"\s][^:]*?)):(?:\s|$)/.exec(line);
  if (!match) return undefined;
  return match[1]?.replace(/''/g, "'") ?? match[2] ?? match[3];
}

describe("SpecPositions", () => {
  it("places a pointer through the operation's $refs on the line that declares the node, under its schema", () => {
    const pointer =
      "/paths/~1api~1video~1logs/get/responses/200/content/application~1json/schema/properties/data/items";
    const located = positions.locate(pointer);
    const declaring = lineOf("    ListLogsPage:");
    expect(located).toEqual({
      pointer: "/components/schemas/ListLogsPage/properties/data/items",
      position: { line: lineOf("          items:", declaring), column: 11 },
      exact: true,
    });
  });

  it("places `charge` on the line where it is declared under Log", () => {
    const logLine = lineOf("    Log:");
    expect(positions.locate("/components/schemas/Log/properties/charge")).toEqual({
      pointer: "/components/schemas/Log/properties/charge",
      position: { line: lineOf("        charge:", logLine), column: 9 },
      exact: true,
    });
  });

  it("reaches the deepest node on the way when the pointer names none, and says so", () => {
    expect(positions.locate("/components/schemas/Log/properties/no_such_field")).toEqual({
      pointer: "/components/schemas/Log/properties",
      position: { line: lineOf("      properties:", lineOf("    Log:")), column: 7 },
      exact: false,
    });
  });

  it("stops at a $ref that closes a cycle instead of hanging", () => {
    const cyclic = new SpecPositions("a:\n  $ref: '#/b'\nb:\n  $ref: '#/a'\n");
    expect(cyclic.locate("/a/x")).toEqual({ pointer: "/a", position: { line: 1, column: 1 }, exact: false });
  });

  it("places the nodes of a JSON document, whose keys are quoted", () => {
    const json = JSON.stringify(
      { openapi: "3.1.0", components: { schemas: { Log: { properties: { charge: {} } } } } },
      null,
      2,
    );
    const located = new SpecPositions(json).locate("/components/schemas/Log/properties/charge");
    expect(located.position).toEqual({ line: 7, column: 11 });
    expect(json.split("\n")[6]).toBe('          "charge": {}');
  });

  it("lands every pointer of the spec, through any $ref on its way, on a line whose key is the pointer's last token", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.boolean(), (choices, throughRefs) => {
        const pointer = randomPointer(choices, throughRefs);
        fc.pre(pointer !== "");
        const located = positions.locate(pointer);
        expect(located.exact).toBe(true);
        const last = pointerTokens(pointer).at(-1)!;
        const line = SPEC_LINES[located.position.line - 1]!;
        // A sequence's item has no key: its line starts the item.
        if (/^\d+$/.test(last) && keyOnLine(line) !== last) expect(line.trimStart().startsWith("- ")).toBe(true);
        else expect(keyOnLine(line)).toBe(last);
        expect(located.position.column).toBe(
          line.length - line.trimStart().length + (line.trimStart().startsWith("- ") ? 3 : 1),
        );
      }),
      seeded,
    );
  });
});

/**
 * A pointer of the spec drawn by `choices` (each picks a child of the node reached); with `throughRefs`, a `$ref` on
 * the way is stepped through: the pointer goes on with the tokens of the node it names, as a finding's pointer does.
 */
function randomPointer(choices: readonly number[], throughRefs: boolean): string {
  let node: unknown = document;
  let pointer = "";
  for (const choice of choices) {
    if (throughRefs && isRef(node)) node = valueAt(node.$ref.slice(1));
    if (node === null || typeof node !== "object") break;
    const keys = Object.keys(node).filter((key) => key !== "$ref");
    if (keys.length === 0) break;
    const key = keys[choice % keys.length]!;
    pointer += `/${escapeToken(key)}`;
    node = (node as Record<string, unknown>)[key];
  }
  return pointer;
}

const isRef = (node: unknown): node is { $ref: string } =>
  node !== null && typeof node === "object" && typeof (node as { $ref?: unknown }).$ref === "string";

function valueAt(pointer: string): unknown {
  let node: unknown = document;
  for (const token of pointerTokens(pointer)) node = (node as Record<string, unknown>)[token];
  return node;
}
