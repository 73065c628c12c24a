// The copy every redaction of a value makes: strings, names and numbers mapped at any depth, `__proto__` kept an own
// property, the input untouched, anything but strings, arrays and plain objects kept as it is.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineOwn, mapStrings } from "../../src/redaction/map-strings.ts";
import { seeded } from "../helpers/seed.ts";

const upper = (text: string) => text.toUpperCase();

/** The same copy written recursively: the reference of the property test. */
function reference(value: unknown, names: boolean, numbers?: (n: number) => unknown): unknown {
  if (typeof value === "string") return upper(value);
  if (typeof value === "number" && numbers) return numbers(value);
  if (Array.isArray(value)) return value.map((item) => reference(item, names, numbers));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value))
      defineOwn(copy, names ? upper(name) : name, reference(item, names, numbers));
    return copy;
  }
  return value;
}

describe("defineOwn", () => {
  it("sets an own, enumerable, writable, configurable property, `__proto__` included, leaving the prototype alone", () => {
    for (const name of ["__proto__", "a", "constructor", 0]) {
      const target = {};
      defineOwn(target, name, { x: 1 });
      expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(target, name)).toEqual({
        value: { x: 1 },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  });
});

describe("mapStrings", () => {
  it("maps every string value, and property names only when asked, into a new copy", () => {
    const input = { name: "a", list: ["b", 1, null, true, { deep: "c" }], n: 2 };
    expect(mapStrings(input, upper, { names: false })).toEqual({
      name: "A",
      list: ["B", 1, null, true, { deep: "C" }],
      n: 2,
    });
    expect(mapStrings(input, upper, { names: true })).toEqual({
      NAME: "A",
      LIST: ["B", 1, null, true, { DEEP: "C" }],
      N: 2,
    });
    expect(input).toEqual({ name: "a", list: ["b", 1, null, true, { deep: "c" }], n: 2 });
  });

  it("maps numbers only when given a function for them", () => {
    const input = { n: 1, list: [2, "x"], s: "3" };
    expect(mapStrings(input, upper, { names: false, numbers: (n) => n * 10 })).toEqual({
      n: 10,
      list: [20, "X"],
      s: "3",
    });
    expect(mapStrings(7, upper, { names: false, numbers: (n) => `#${n}` })).toBe("#7");
    expect(mapStrings(7, upper, { names: false })).toBe(7);
    expect(mapStrings("top", upper, { names: false })).toBe("TOP");
  });

  it("keeps a property named __proto__ an own property of the copy, never its prototype", () => {
    const input = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": ["__proto__"]}');
    const copy = mapStrings(input, upper, { names: false });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toEqual({ polluted: "YES" });
    expect(copy.a).toEqual(["__PROTO__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps values that are not strings, arrays or plain objects as they are, the same objects", () => {
    const date = new Date(0);
    const map = new Map([["k", "v"]]);
    const bare = Object.create(null) as Record<string, string>;
    bare.s = "text";
    class Thing {
      s = "text";
    }
    const thing = new Thing();
    const copy = mapStrings({ date, map, bare, thing, none: null, no: undefined, yes: true }, upper, {
      names: true,
    }) as unknown as Record<string, unknown>;
    expect(copy).toEqual({ DATE: date, MAP: map, BARE: bare, THING: thing, NONE: null, NO: undefined, YES: true });
    expect(copy.DATE).toBe(date);
    expect(copy.BARE).toBe(bare);
    expect(bare.s).toBe("text");
    expect(thing.s).toBe("text");
  });

  it("copies arrays and objects anew, so the copy shares no container with the input", () => {
    const inner = { s: "a" };
    const list = [inner];
    const copy = mapStrings({ list }, (text) => text, { names: false });
    expect(copy).toEqual({ list: [{ s: "a" }] });
    expect(copy.list).not.toBe(list);
    expect(copy.list[0]).not.toBe(inner);
  });

  it("copies a value nested 100,000 deep", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    let copied = mapStrings(deep, upper, { names: false }) as unknown;
    for (let i = 99_999; i >= 0; i--) copied = i % 2 ? (copied as unknown[])[0] : (copied as { k: unknown }).k;
    expect(copied).toBe("LEAF");
  });

  it("gives what a recursive copy gives, for any JSON value, with names and numbers or without", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.boolean(), (value, names, withNumbers) => {
        const numbers = withNumbers ? (n: number) => `n${n}` : undefined;
        expect(mapStrings(value, upper, { names, numbers })).toEqual(reference(value, names, numbers));
      }),
      seeded,
    );
  });
});
