import { describe, expect, it } from "vitest";
import { numberLiteralAt } from "../../src/validation/number-literal-at.ts";

describe("numberLiteralAt finds the number literal a JSON text holds at a pointer, as written", () => {
  it("follows keys and indices past strings that hold the JSON punctuation", () => {
    const text = '{"a":"x,y:[{","b":[0,1e400],"c":{"d":-2.50E+3}}';
    expect(numberLiteralAt(text, "/b/1")).toBe("1e400");
    expect(numberLiteralAt(text, "/b/0")).toBe("0");
    expect(numberLiteralAt(text, "/c/d")).toBe("-2.50E+3");
    expect(numberLiteralAt(text, "/a")).toBeUndefined();
    expect(numberLiteralAt(text, "/b/2")).toBeUndefined();
    expect(numberLiteralAt(text, "/b")).toBeUndefined();
  });

  it("counts indices of arrays nested in arrays, and leaves each array's count behind when it closes", () => {
    const text = "[[1,2],[3,[4,5]],6]";
    expect(numberLiteralAt(text, "/0/1")).toBe("2");
    expect(numberLiteralAt(text, "/1/0")).toBe("3");
    expect(numberLiteralAt(text, "/1/1/1")).toBe("5");
    expect(numberLiteralAt(text, "/2")).toBe("6");
    expect(numberLiteralAt(text, "/1")).toBeUndefined();
  });

  it("tells a key from a value: a string value is never taken for the next key", () => {
    const text = '{"k":"v","n":1,"v":2}';
    expect(numberLiteralAt(text, "/n")).toBe("1");
    expect(numberLiteralAt(text, "/v")).toBe("2");
    expect(numberLiteralAt(text, "/k")).toBeUndefined();
  });

  it("reads escaped keys, matched against the pointer's escaped tokens (~0 and ~1)", () => {
    const text = '{"a/b":{"m~n":7},"q\\"u":8,"e\\u0301":9}';
    expect(numberLiteralAt(text, "/a~1b/m~0n")).toBe("7");
    expect(numberLiteralAt(text, '/q"u')).toBe("8");
    expect(numberLiteralAt(text, "/e\u0301")).toBe("9");
  });

  it("takes the last of duplicate keys, as JSON.parse does", () => {
    expect(numberLiteralAt('{"x":1,"x":22}', "/x")).toBe("22");
  });

  it("finds a number at the root, with whitespace and literals around values", () => {
    expect(numberLiteralAt(" 12.5 ", "")).toBe("12.5");
    expect(numberLiteralAt('{ "t" : true , "n" : null , "x" : 3 }', "/x")).toBe("3");
    expect(numberLiteralAt("[true, false, null, 4]", "/3")).toBe("4");
  });

  it("gives undefined for a malformed key, a lone minus sign, and a key that is not there", () => {
    expect(numberLiteralAt('{"a\\x":1}', "/a")).toBeUndefined();
    expect(numberLiteralAt('{"a":-}', "/a")).toBeUndefined();
    expect(numberLiteralAt('{"a":1}', "/b")).toBeUndefined();
    expect(numberLiteralAt('{"a":1,"b', "/a")).toBeUndefined();
    expect(numberLiteralAt('{"a":1,"b\\', "/a")).toBeUndefined();
    expect(numberLiteralAt('{"a":{"b":1}}', "/a/b/c")).toBeUndefined();
  });

  it("gives undefined once a key is malformed, though an earlier key of the same name held a number", () => {
    expect(numberLiteralAt('{"a":1,"a\\x":2}', "/a")).toBeUndefined();
  });

  it("never throws on text that is not JSON, such as a lone string or punctuation at the root", () => {
    expect(numberLiteralAt('"x"', "")).toBeUndefined();
    expect(numberLiteralAt(':"x"', "")).toBeUndefined();
    expect(() => numberLiteralAt("1,2]}", "")).not.toThrow();
  });

  it('does not take an empty key for a missing one: a pointer to the key "" finds its value', () => {
    expect(numberLiteralAt('{"":5,"a":{"":6}}', "/")).toBe("5");
    expect(numberLiteralAt('{"":5,"a":{"":6}}', "/a/")).toBe("6");
    expect(numberLiteralAt("[{}]", "/0/")).toBeUndefined();
  });
});
