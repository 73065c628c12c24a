import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonEqual, jsonText } from "../../src/validation/json-value.ts";

/** An array nested `depth` levels deep around `inner`, built without recursion. */
function nested(depth: number, inner: unknown = []): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** An object nested `depth` levels deep, each level `{"k": …}`, around `inner`. */
function nestedObject(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = { k: value };
  return value;
}

describe("jsonEqual", () => {
  it("agrees with util.isDeepStrictEqual on any two JSON values and on a value and its copy", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(jsonEqual(a, b)).toBe(isDeepStrictEqual(a, b));
        expect(jsonEqual(a, structuredClone(a))).toBe(true);
      }),
    );
  });

  it("tells apart what isDeepStrictEqual tells apart: 0 and -0, an array and an object, a missing key", () => {
    expect(jsonEqual(0, -0)).toBe(false);
    expect(jsonEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(jsonEqual(JSON.parse('{"__proto__":[1]}'), JSON.parse('{"__proto__":[1]}'))).toBe(true);
    expect(jsonEqual(JSON.parse('{"__proto__":[1]}'), {})).toBe(false);
  });

  it("compares values nested a hundred thousand levels deep, equal or differing at the innermost level", () => {
    expect(jsonEqual(nested(100_000), nested(100_000))).toBe(true);
    expect(jsonEqual(nested(100_000, 1), nested(100_000, 2))).toBe(false);
    expect(jsonEqual(nestedObject(100_000, "a"), nestedObject(100_000, "a"))).toBe(true);
    expect(jsonEqual(nestedObject(100_000, "a"), nestedObject(100_000, "b"))).toBe(false);
  });
});

describe("jsonText", () => {
  it("writes what JSON.stringify writes for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonText(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it("leaves out an object's undefined entries and writes an array's as null, as JSON.stringify does", () => {
    const value = { a: undefined, b: [undefined, 1], c: -0, d: Number.POSITIVE_INFINITY, "": { "\u2028": "x" } };
    expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(jsonText(undefined)).toBeUndefined();
    const notJson = { f: () => 1, s: Symbol("s"), u: undefined, a: [() => 1, Symbol("t"), undefined, 2] };
    expect(jsonText(notJson)).toBe('{"a":[null,null,null,2]}');
    expect(jsonText(notJson)).toBe(JSON.stringify(notJson));
    expect(jsonText(JSON.parse('{"__proto__":{"a":1}}'))).toBe('{"__proto__":{"a":1}}');
  });

  it("writes a value nested a hundred thousand levels deep whole", () => {
    expect(jsonText(nested(100_000, 7))).toBe(`${"[".repeat(100_000)}7${"]".repeat(100_000)}`);
    expect(jsonText(nestedObject(100_000, null))).toBe(`${'{"k":'.repeat(100_000)}null${"}".repeat(100_000)}`);
  });
});
