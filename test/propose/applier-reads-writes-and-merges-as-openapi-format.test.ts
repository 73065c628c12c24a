// Each decision of the applier a proposal is verified with (src/propose/openapi-format-apply.ts), one by one, in
// process: how openapi-format reads an overlay's text (`$ref:` quoted, long numbers kept as `…===` strings), which
// JSONPath it resolves, how an update merges and a remove deletes, how it writes the patched spec back (`…===` as
// digits) and how a YAML 1.2 and a YAML 1.1 reader read that text. openapi-format-apply.test.ts holds the whole to
// openapi-format's own output; here each rule is pinned on a small input, so that a change to any one fails.
import { describe, expect, it } from "vitest";
import {
  applyAsOpenapiFormat,
  readBothWays,
  readOverlayAsOpenapiFormat,
  simplePathTokens,
  writeAsOpenapiFormat,
} from "../../src/propose/openapi-format-apply.ts";

describe("openapi-format's reading of an overlay's text", () => {
  it("quotes what follows `$ref:` after any spaces, so that `#` starts no comment, and leaves a quoted or folded one", () => {
    const text = "a:\n  $ref:   #/x\nb:\n  $ref: '#/y'\nc:\n  $ref: \"#/z\"\nd:\n  $ref: >-\n    #/w\n";
    expect(readOverlayAsOpenapiFormat(text)).toEqual({
      overlay: { a: { $ref: "#/x" }, b: { $ref: "#/y" }, c: { $ref: "#/z" }, d: { $ref: "#/w" } },
    });
  });

  it("quotes a `$ref:` with no space after it too, which breaks a flow mapping as it breaks openapi-format", () => {
    expect(readOverlayAsOpenapiFormat("e: {$ref:#/v}\n")).toEqual({
      error: "Unexpected single-quoted-scalar at node end at line 1, column 15:\n\ne: {$ref:'#/v}'\n              ^^\n",
    });
  });

  it("keeps a number of more than 15 digits, or one JavaScript prints with an exponent, as the string `…===`", () => {
    const text = [
      "a: 12345678901234567890",
      "b: 1.5e300",
      "c: 123456789012345",
      "d: 1234567890123456",
      "e: 1e5",
      'f: "12345678901234567890"',
      "g: [1234567890123456789]",
      "h:",
      "i: 1234567890.12345",
      "k: 1234567890.123456",
      "l: -123456789012345",
      "",
    ].join("\n");
    expect(readOverlayAsOpenapiFormat(text)).toEqual({
      overlay: {
        a: "12345678901234567890===",
        b: "1.5e300===",
        c: 123456789012345,
        d: "1234567890123456===",
        e: 100000,
        f: "12345678901234567890",
        // Only a mapping's values are rewritten, not a sequence's items.
        g: [1234567890123456800],
        h: null,
        i: 1234567890.12345,
        k: "1234567890.123456===",
        l: -123456789012345,
      },
    });
  });

  it("says why it cannot read a text that is not YAML, or not a mapping", () => {
    expect(readOverlayAsOpenapiFormat("a: [")).toEqual({
      error:
        "Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 5:\n\na: [\n    ^\n",
    });
    expect(readOverlayAsOpenapiFormat("")).toEqual({ error: "not a YAML mapping" });
    expect(readOverlayAsOpenapiFormat("text")).toEqual({ error: "not a YAML mapping" });
    expect(readOverlayAsOpenapiFormat("- 1")).toEqual({ overlay: [1] });
  });
});

describe("the JSONPath openapi-format resolves for a proposal", () => {
  it.each([
    ["$", []],
    ["$.a1_b", ["a1_b"]],
    ["$._a", ["_a"]],
    ["$['']", [""]],
    ["$['a\\'b']", ["a'b"]],
    ["$['a\\\\b']", ["a\\b"]],
    ["$.a['b c'].d", ["a", "b c", "d"]],
  ])("reads %s as its names", (path, tokens) => {
    expect(simplePathTokens(path)).toEqual(tokens);
  });

  it.each(["x.a", "$x", "$.1a", "$.a.", "$.a[0]", "$['a'", "$.a-b", "$.é", "$.a junk"])(
    "reads %s as no path a proposal writes",
    (path) => {
      expect(simplePathTokens(path)).toBeUndefined();
    },
  );
});

const SPEC = { a: { b: 1, list: [1, 2], obj: { k: 1 }, n: null, s: "str" }, top: [1] };
const applied = (actions: unknown[]) => applyAsOpenapiFormat(SPEC, { actions });
const withA = (a: Record<string, unknown>) => ({ ...SPEC, a: { ...SPEC.a, ...a } });

describe("openapi-format's update and remove", () => {
  it("appends an array to an array, and replaces anything else by an array", () => {
    expect(applied([{ target: "$.a.list", update: [3] }])).toEqual({ doc: withA({ list: [1, 2, 3] }), unused: [] });
    expect(applied([{ target: "$.a.obj", update: [3] }])).toEqual({ doc: withA({ obj: [3] }), unused: [] });
  });

  it("replaces the target by a scalar or null, and a scalar or null by a mapping", () => {
    expect(applied([{ target: "$.a.obj", update: 5 }])).toEqual({ doc: withA({ obj: 5 }), unused: [] });
    expect(applied([{ target: "$.a.obj", update: null }])).toEqual({ doc: withA({ obj: null }), unused: [] });
    expect(applied([{ target: "$.a.s", update: { x: 1 } }])).toEqual({ doc: withA({ s: { x: 1 } }), unused: [] });
    expect(applied([{ target: "$.a.n", update: { x: 1 } }])).toEqual({ doc: withA({ n: { x: 1 } }), unused: [] });
  });

  it("merges a mapping into a mapping key by key, at any depth, an empty name too", () => {
    expect(applied([{ target: "$.a", update: { obj: { k: { deep: 1 }, m: 2 }, "": 1 } }])).toEqual({
      doc: withA({ obj: { k: { deep: 1 }, m: 2 }, "": 1 }),
      unused: [],
    });
  });

  it("merges a mapping's names into an array as properties of the array", () => {
    const { doc } = applied([{ target: "$.top", update: { a: 2 } }]);
    expect(Object.entries(doc.top as object)).toEqual([
      ["0", 1],
      ["a", 2],
    ]);
  });

  it("removes only on `remove: true`, and does nothing for an action with neither", () => {
    expect(applied([{ target: "$.a.b", remove: true, update: 2 }])).toEqual({
      doc: { ...SPEC, a: { list: [1, 2], obj: { k: 1 }, n: null, s: "str" } },
      unused: [],
    });
    expect(
      applied([
        { target: "$.a.obj", remove: "true" },
        { target: "$.a.s", remove: false, update: "t" },
        { target: "$.a.b" },
      ]),
    ).toEqual({ doc: withA({ s: "t" }), unused: [] });
  });

  it("copies a `__proto__` name as openapi-format's copy does: it becomes the prototype, whose names are merged", () => {
    const { overlay } = readOverlayAsOpenapiFormat(
      "actions:\n  - target: $.a\n    update:\n      __proto__: {x: 1}\n      b: 2\n",
    );
    expect(applyAsOpenapiFormat(SPEC, overlay!)).toEqual({ doc: withA({ b: 2, x: 1 }), unused: [] });
  });

  it("leaves unused each action whose target names nothing, is not a path it reads, or is the root", () => {
    expect(
      applied([
        { target: "$.a.b", remove: true },
        { target: "$.a.b", update: 1 },
        { target: "$.a.s.length", update: 1 },
        { target: "$.a.n.x", update: 1 },
        { target: "$.a.n.x.y", update: 1 },
        // Named only through the prototype: never resolved, so Object.prototype is never written.
        { target: "$.__proto__.__lookupGetter__", update: {} },
        null,
        { target: 5, update: 1 },
        { target: "$", update: {} },
        { target: "$.a.constructor", update: 1 },
        { target: "$.constructor.name", update: 1 },
        { target: "$.a.list[0]", update: 1 },
        { target: "$.nowhere.b", update: 1 },
      ]),
    ).toEqual({
      doc: { ...SPEC, a: { list: [1, 2], obj: { k: 1 }, n: null, s: "str" } },
      unused: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    });
  });

  it("resolves no root target, even in a spec with a key named `undefined`", () => {
    const spec = { undefined: { a: 1 } };
    expect(applyAsOpenapiFormat(spec, { actions: [{ target: "$", update: { b: 2 } }] })).toEqual({
      doc: spec,
      unused: [0],
    });
  });

  it("applies to a copy, and applies nothing from an overlay without a list of actions", () => {
    const before = structuredClone(SPEC);
    applied([{ target: "$.a.obj", update: { k: 2 } }]);
    expect(SPEC).toEqual(before);
    expect(applyAsOpenapiFormat(SPEC, {})).toEqual({ doc: SPEC, unused: [] });
    expect(applyAsOpenapiFormat(SPEC, { actions: "x" })).toEqual({ doc: SPEC, unused: [] });
  });
});

describe("openapi-format's writing of the patched spec", () => {
  it("writes `…===` after a mapping key as its digits, quotes what follows `$ref:` and folds no line", () => {
    const doc = {
      a: "12===",
      b: "1234567890123456===",
      c: "1.5===",
      c2: "1.55===",
      d: "1.2.3===",
      e: ["12==="],
      f: "x 12===",
      g: { $ref: "/etc/passwd" },
      h: "see $ref: x",
      i: "true",
      k: "#/x",
      l: "word ".repeat(30).trim(),
      m: "12.===",
    };
    expect(writeAsOpenapiFormat(doc)).toBe(
      [
        "a: 12",
        "b: 1234567890123456",
        "c: 1.5",
        "c2: 1.55",
        "d: 1.2.3===",
        "e:",
        "  - 12===",
        "f: x 12===",
        "g:",
        "  $ref: '/etc/passwd'",
        "h: 'see $ref: 'x''",
        "i: 'true'",
        "k: '#/x'",
        `l: ${"word ".repeat(30).trim()}`,
        "m: 12.===",
        "",
      ].join("\n"),
    );
  });

  it("quotes with double quotes when asked to", () => {
    expect(writeAsOpenapiFormat({ g: { $ref: "/etc/passwd" }, i: "true", h: "see $ref: x" }, '"')).toBe(
      'g:\n  $ref: "/etc/passwd"\ni: "true"\nh: "see $ref: "x""\n',
    );
  });
});

describe("the two readings of a text", () => {
  it("reads merge keys, binary and underscored numbers, yes/no and timestamps as YAML 1.1 does, and 1.2 does not", () => {
    expect(readBothWays("a:\n  <<: {x: 1}\n  z: 2\nb: 0b101\nc: 1_000\nd: ~\ne: 2001-12-14\nf: y\n")).toEqual({
      yaml12: { a: { "<<": { x: 1 }, z: 2 }, b: "0b101", c: "1_000", d: null, e: "2001-12-14", f: "y" },
      yaml11: { a: { x: 1, z: 2 }, b: 5, c: 1000, d: null, e: new Date("2001-12-14T00:00:00.000Z"), f: true },
    });
  });

  it("reads two names YAML 1.1 takes for the same boolean as one key, the last one's value", () => {
    expect(readBothWays("yes: 1\non: 2\n")).toEqual({ yaml12: { yes: 1, on: 2 }, yaml11: { true: 2 } });
  });
});
