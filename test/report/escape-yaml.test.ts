// The YAML sink (the proposal's file): for any text, in a key or a value, the YAML parses back to the same value and its
// text holds nothing a terminal would act on; text with nothing to escape is written as it is, with no other format's
// escaping (no Markdown backslash).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { safeYaml } from "../../src/report/escape-yaml.ts";

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const SPECIAL = [
  ..."\u0000\u0007\b\t\n\v\f\r\u001b\u007f\u0085\u009b\u009c\u009d\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069\ufeff\ud800\udfff`|\\<>&\"'[]()!*_#~:-{},%@ ",
];
/** Text as a hostile server might send it: any UTF-16 unit (lone surrogates too), any code point, and YAML's syntax. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...SPECIAL, "\u{e0001}", "$ref: x", "- ", ": ", " #", "---", "...", "null", "true", "0x1"),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
  ),
  maxLength: 40,
});

describe("escaping for YAML", () => {
  it("parses back to the same keys and values and leaves nothing invisible in its text", () => {
    fc.assert(
      fc.property(hostileText, hostileText, (key, value) => {
        const document = { actions: [{ description: value, update: { [key]: { description: value } } }] };
        const yaml = safeYaml(document);
        expect(parse(yaml)).toEqual(document);
        expect(yaml.replace(/\n/g, "")).not.toMatch(INVISIBLE);
      }),
      { numRuns: 500 },
    );
  });

  it("writes ids and names as they are: no backslash before a - or an _", () => {
    const description = "Evidence: 2 observations (get_log 200); requests: 0328e50f-e563-44b0-9f1e-3c2a1b0d9e8f.";
    expect(safeYaml({ description })).toBe(`description: "${description}"\n`);
    expect(safeYaml({ text: "x\u202ey\u009bz" })).toBe('text: "x\\u202ey\\u009bz"\n');
  });
});
