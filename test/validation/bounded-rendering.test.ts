import { describe, expect, it } from "vitest";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import { numberLiteralAt } from "../../src/validation/number-literal-at.ts";
import { shortJson } from "../../src/validation/short-json.ts";

describe("shortJson", () => {
  it("renders small values as JSON", () => {
    expect(shortJson({ a: [1, "x", null, true] }, NO_SECRETS)).toBe('{"a":[1,"x",null,true]}');
    expect(shortJson(undefined, NO_SECRETS)).toBe("(absent)");
  });

  it("cuts a long rendering at 60 characters with an ellipsis", () => {
    const out = shortJson({ text: "y".repeat(1_000) }, NO_SECRETS);
    expect(out).toHaveLength(60);
    expect(out.endsWith("…")).toBe(true);
  });

  it("renders a value exactly as long as the budget whole, and one a character longer cut", () => {
    expect(shortJson("x".repeat(58), NO_SECRETS)).toBe(`"${"x".repeat(58)}"`);
    expect(shortJson("x".repeat(59), NO_SECRETS)).toBe(`"${"x".repeat(58)}…`);
    expect(shortJson([1, 22, 333], NO_SECRETS, 10)).toBe("[1,22,333]");
    expect(shortJson([1, 22, 3333], NO_SECRETS, 10)).toBe("[1,22,333…");
    expect(shortJson({ ab: "cd" }, NO_SECRETS, 11)).toBe('{"ab":"cd"}');
    expect(shortJson({ ab: "cde" }, NO_SECRETS, 11)).toBe('{"ab":"cde…');
  });

  it("shows a string cut where the beginning of a secret was dropped as cut, never closed as if whole", () => {
    const redactor = createSecretsRedactor(["s3cr3t-token-value"]);
    // The budget's edge falls inside "s3cr", a secret's beginning: the cut drops it, leaving 57 characters.
    const text = `${"x".repeat(57)}s3cr3t-nope${"y".repeat(100)}`;
    expect(shortJson(text, redactor)).toBe(`"${"x".repeat(57)}…`);
    expect(shortJson([text], redactor)).toBe(`["${"x".repeat(57)}…`);
  });

  it("lets an error of the redactor through, never taken for a spent budget", () => {
    const failing = {
      ...NO_SECRETS,
      numberHoldsSecret: () => {
        throw new RangeError("redactor failed");
      },
    };
    expect(() => shortJson([1], failing)).toThrow(new RangeError("redactor failed"));
  });

  it("renders a value nested a million levels deep without overflowing the stack", () => {
    let deep: unknown = [];
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(shortJson(deep, NO_SECRETS)).toBe(`${"[".repeat(59)}…`);
  });

  it("renders a value nested a hundred thousand levels deep whole when the budget allows, with no recursion", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    const text = JSON.stringify("x");
    let expected = text;
    for (let i = 0; i < 100_000; i++) expected = i % 2 ? `[${expected}]` : `{"k":${expected}}`;
    expect(shortJson(deep, NO_SECRETS, 1_000_000)).toBe(expected);
    expect(shortJson(deep, NO_SECRETS, 1_000)).toBe(`${expected.slice(0, 999)}…`);
  });

  it("renders an object with a hundred thousand keys and a huge key name to 60 characters", () => {
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    expect(shortJson(wide, NO_SECRETS)).toMatch(/^\{"k0":0,"k1":1,.*…$/);
    expect(shortJson(wide, NO_SECRETS)).toHaveLength(60);
    expect(shortJson({ ["x".repeat(1_000_000)]: 1 }, NO_SECRETS)).toHaveLength(60);
  });

  it("escapes control characters and says Infinity rather than null", () => {
    expect(shortJson("a\u001b[31mb\u202e", NO_SECRETS)).toBe('"a\\u001b[31mb\u202e"');
    expect(shortJson([Infinity, -Infinity], NO_SECRETS)).toBe("[Infinity,-Infinity]");
  });
});

describe("numberLiteralAt", () => {
  const text = '{"a/b":{"x":[1, 2e400, {"k":"[9e999]"}]},"n":-1E+400,"n":3, "s":"\\"1e400", "t":[[[5]]]}';

  it("finds the literal at a pointer, with escaped tokens and nested arrays", () => {
    expect(numberLiteralAt(text, "/a~1b/x/1")).toBe("2e400");
    expect(numberLiteralAt(text, "/a~1b/x/0")).toBe("1");
    expect(numberLiteralAt(text, "/t/0/0/0")).toBe("5");
  });

  it("takes the last of duplicate keys, as JSON.parse does", () => {
    expect(numberLiteralAt(text, "/n")).toBe("3");
    expect(JSON.parse(text).n).toBe(3);
  });

  it("never mistakes a string's content for a number", () => {
    expect(numberLiteralAt(text, "/a~1b/x/2/k")).toBeUndefined();
    expect(numberLiteralAt(text, "/s")).toBeUndefined();
  });

  it("reads a document nested a hundred thousand levels deep", () => {
    const depth = 100_000;
    const deep = `${"[".repeat(depth)}1e400${"]".repeat(depth)}`;
    expect(numberLiteralAt(deep, "/0".repeat(depth))).toBe("1e400");
    expect(numberLiteralAt(deep, "/0".repeat(depth - 1))).toBeUndefined();
  });
});
