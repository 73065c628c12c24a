// The secret trie on its own: its shape as secrets are added, which secrets a text holds in any spelling (each escape
// form, valid and malformed, at the edges of the text), and where a beginning of one runs to the end of a text, as
// beginningMatcher finds it secret by secret.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SecretTrie } from "../../src/redaction/secret-trie.ts";
import { beginningMatcher } from "../../src/redaction/spelled-secret.ts";
import { seeded } from "../helpers/seed.ts";

/** A trie of the secrets, each with itself as its value. */
const trieOf = (...secrets: string[]) => {
  const trie = new SecretTrie<string>();
  for (const secret of secrets) trie.add(secret, secret);
  return trie;
};
const valuesIn = (secrets: string[], text: string) => [...trieOf(...secrets).valuesIn(text)].sort();

const hex = (code: number, width: number) => code.toString(16).padStart(width, "0");
/** A character as a server may write it: as it is, percent-encoded, \u-escaped (either hex case), JSON's short escape, `+` for a space. */
const WRITERS: ((char: string) => string)[] = [
  (c) => c,
  (c) => [...Buffer.from(c)].map((b) => `%${hex(b, 2)}`).join(""),
  (c) => [...Buffer.from(c)].map((b) => `%${hex(b, 2).toUpperCase()}`).join(""),
  (c) => [...Array(c.length).keys()].map((i) => `\\u${hex(c.charCodeAt(i), 4)}`).join(""),
  (c) => [...Array(c.length).keys()].map((i) => `\\u${hex(c.charCodeAt(i), 4).toUpperCase()}`).join(""),
  (c) => (c === " " ? "+" : c),
  (c) => JSON.stringify(c).slice(1, -1),
];
const spelled = (secret: string, writers: number[]) =>
  [...secret].map((char, k) => WRITERS[writers[k % writers.length]!]!(char)).join("");

/** Characters of one, two, three and four UTF-8 bytes, and the ones with escapes of their own. */
const CHARACTERS = ["a", "b", "A", "1", " ", "%", "\\", "+", '"', "/", "u", "\n", "é", "अ", "€", "😀", "𐀀"];
const secretOf = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CHARACTERS), { minLength: min, maxLength: max }).map((chars) => chars.join(""));

describe("a secret trie's shape", () => {
  it("has a root alone when empty, and one node more for a secret that shares nothing with the others", () => {
    const trie = new SecretTrie<number>();
    expect(trie.nodes).toBe(1);
    trie.add("abcd", 1);
    expect(trie.nodes).toBe(2);
    trie.add("xyz", 2);
    expect(trie.nodes).toBe(3);
  });

  it("splits an edge once where two secrets part, and no more", () => {
    const trie = new SecretTrie<number>();
    trie.add("abcd", 1);
    trie.add("abce", 2);
    // The root, "abc", "d" and "e".
    expect(trie.nodes).toBe(4);
    trie.add("abcdf", 3);
    expect(trie.nodes).toBe(5);
    trie.add("ab", 4);
    expect(trie.nodes).toBe(6);
    expect([...trie.valuesIn("abcdf abce ab abc")].sort()).toEqual([1, 2, 3, 4]);
  });

  it("adds a secret that ends inside another's edge or where an edge was split", () => {
    const trie = new SecretTrie<number>();
    trie.add("token-12345", 1);
    trie.add("token", 2);
    expect([...trie.valuesIn("token")]).toEqual([2]);
    trie.add("tok-9", 3);
    trie.add("tok", 4);
    expect([...trie.valuesIn("x tok y")]).toEqual([4]);
    expect([...trie.valuesIn("token-12345")].sort()).toEqual([1, 2, 4]);
  });

  it("keeps the first value of a secret added twice", () => {
    const trie = new SecretTrie<number>();
    trie.add("secret", 1);
    trie.add("secret", 2);
    expect(trie.nodes).toBe(2);
    expect([...trie.valuesIn("a secret")]).toEqual([1]);
    trie.add("sec", 3);
    trie.add("sec", 4);
    expect([...trie.valuesIn("sec")]).toEqual([3]);
  });
});

describe("a secret trie's values in a text", () => {
  it("finds nothing in a text that holds only part of a secret, written as it is or with escapes around it", () => {
    expect(valuesIn(["abc"], "xab")).toEqual([]);
    expect(valuesIn(["abc"], "ab")).toEqual([]);
    expect(valuesIn(["abc"], "%61b")).toEqual([]);
    expect(valuesIn(["abc"], "ab+")).toEqual([]);
  });

  it("finds each secret a text holds, at its very beginning and at its very end", () => {
    expect(valuesIn(["abc", "bcd", "xyz"], "abcd")).toEqual(["abc", "bcd"]);
    expect(valuesIn(["abc", "xyz"], "%61bc and x+xyz")).toEqual(["abc", "xyz"]);
    expect(valuesIn(["ab c"], "ab+c")).toEqual(["ab c"]);
    expect(valuesIn(["ab c"], "ab%20c")).toEqual(["ab c"]);
    expect(valuesIn(["a+b"], "a+b")).toEqual(["a+b"]);
    expect(valuesIn(["a+b"], "a%2Bb")).toEqual(["a+b"]);
  });

  it("reads percent-encoded characters of one to four UTF-8 bytes, in either hex case", () => {
    expect(valuesIn(["xA"], "x%41")).toEqual(["xA"]);
    expect(valuesIn(["é"], "%c3%A9")).toEqual(["é"]);
    // U+0905: its first byte is E0, the first of the three-byte ones.
    expect(valuesIn(["अ"], "%E0%A4%85")).toEqual(["अ"]);
    expect(valuesIn(["x€"], "x%E2%82%AC")).toEqual(["x€"]);
    expect(valuesIn(["😀"], "%F0%9F%98%80")).toEqual(["😀"]);
  });

  it("reads no character from a malformed or cut percent sequence", () => {
    expect(valuesIn(["\ufffd"], "%80")).toEqual([]);
    expect(valuesIn(["\ufffd"], "%80x")).toEqual([]);
    expect(valuesIn(["€"], "%E2%82%AC%")).toEqual(["€"]);
    expect(valuesIn(["€"], "%E2%82")).toEqual([]);
    expect(valuesIn(["\ufffdA", "\0"], "%C3x41")).toEqual([]);
    expect(valuesIn(["\0\0\0\0", "\0"], "%zz")).toEqual([]);
    expect(valuesIn(["\u0004", "A"], "%4")).toEqual([]);
    expect(valuesIn(["%"], "%")).toEqual(["%"]);
    expect(valuesIn(["%4"], "%4")).toEqual(["%4"]);
  });

  it("reads \\u escapes in either hex case and JSON's short escapes, and nothing from a malformed escape", () => {
    expect(valuesIn(["A", "\n"], "\\u0041")).toEqual(["A"]);
    expect(valuesIn(["é"], "\\u00E9")).toEqual(["é"]);
    expect(valuesIn(["😀"], "\\ud83d\\uDE00")).toEqual(["😀"]);
    expect(valuesIn(["\n0041"], "\\n0041")).toEqual(["\n0041"]);
    expect(valuesIn(['"', "\\", "/", "\b", "\f", "\n", "\r", "\t"], '\\"\\\\\\/\\b\\f\\n\\r\\t')).toEqual(
      ["\t", "\n", "\f", "\r", '"', "/", "\\", "\b"].sort(),
    );
    expect(valuesIn(["\0", "\u0012"], "\\u12")).toEqual([]);
    expect(valuesIn(["\0"], "\\u12zz")).toEqual([]);
    expect(valuesIn(["\0", "x"], "\\x")).toEqual(["x"]);
    expect(valuesIn(["ab"], "ab\\")).toEqual(["ab"]);
  });

  it("reads a long run of backslashes, which splits in exponentially many ways, once per place", () => {
    const run = "\\".repeat(80);
    expect(valuesIn([`${"\\".repeat(70)}X`], `${run}Y`)).toEqual([]);
    expect(valuesIn([`${"\\".repeat(40)}X`], `${run}X`)).toEqual([`${"\\".repeat(40)}X`]);
  });

  it("finds every secret spelled in a text in any mix of spellings", () => {
    const input = fc.record({
      secrets: fc.array(secretOf(1, 8), { minLength: 1, maxLength: 5 }),
      writers: fc.array(fc.nat(WRITERS.length - 1), { minLength: 1, maxLength: 5 }),
      before: secretOf(0, 6),
      after: secretOf(0, 6),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(input, ({ secrets, writers, before, after, pick }) => {
        const secret = secrets[pick % secrets.length]!;
        const text = `${before}${spelled(secret, writers)}${after}`;
        expect(valuesIn(secrets, text)).toContain(secret);
      }),
      { ...seeded, numRuns: 1000 },
    );
  });
});

describe("a secret trie's beginning at the end of a text", () => {
  it("is -1 for a text with no beginning of a secret, and never the text's length", () => {
    expect(trieOf("abc").beginningAt("zzz")).toBe(-1);
    expect(trieOf("abc").beginningAt("")).toBe(-1);
    expect(trieOf("abc").beginningAt("abc")).toBe(-1);
    expect(trieOf("abc").beginningAt("xab%63")).toBe(-1);
    expect(trieOf("abc").beginningAt("ab%zz")).toBe(-1);
  });

  it("finds a beginning written as it is or ending inside a character's spelling", () => {
    expect(trieOf("abc").beginningAt("xxab")).toBe(2);
    expect(trieOf("abc").beginningAt("xx%61b%6")).toBe(2);
    expect(trieOf("abc").beginningAt("xx%61\\u00")).toBe(2);
    expect(trieOf("abc").beginningAt("xx%")).toBe(2);
    expect(trieOf("ab", "abc").beginningAt("xxab")).toBe(2);
  });

  it("finds no beginning past a whole secret's end", () => {
    // `%0` would begin the spelling of a character after the secret, were there one, and begins none of "a".
    expect(trieOf("ab").beginningAt("ab%0")).toBe(-1);
  });

  it("finds a beginning of a secret's character of two UTF-16 units, whatever its first unit", () => {
    // U+10000 begins with the surrogate D800, U+10FFFF with DBFF.
    expect(trieOf("x𐀀").beginningAt("x%F0")).toBe(0);
    expect(trieOf("x\u{10FFFF}").beginningAt("x%F4")).toBe(0);
    expect(trieOf("x\u{10FFFF}").beginningAt("x\\udbff\\uDF")).toBe(0);
    expect(trieOf("x😀").beginningAt("x%f0%9f%98")).toBe(0);
    // A secret ending with half of a pair: its spellings are U+FFFD's bytes and its own \u escape.
    expect(trieOf("x\ud83d").beginningAt("x\\ud8")).toBe(0);
  });

  it("takes no spelling of two characters for a beginning of the first", () => {
    // `%EF%BF%BD` is U+FFFD, never the second half of a pair, nor the first half written alone.
    expect(trieOf("x😀c").beginningAt("x\ud83d%EF%BF%BD%6")).toBe(-1);
    expect(trieOf("a😀").beginningAt("%61%EF%BF%B")).toBe(-1);
    expect(beginningMatcher(["x😀c"])("x\ud83d%EF%BF%BD%6")).toBe(-1);
    expect(beginningMatcher(["a😀"])("%61%EF%BF%B")).toBe(-1);
  });

  it("tells apart two places that end at the same point of the text", () => {
    // From "xy", `%41` reads on into "xyAb" and stops at "c"; from `%41`, "Acd" goes on to the end.
    expect(trieOf("xyz", "xyAb", "Acd").beginningAt("xy%41c")).toBe(2);
    // "Az" is reached from `A` and from `%41`, and dies at "q"; "1qr", reached from `1`, goes on to the end.
    expect(trieOf("Az", "1qr").beginningAt("A%41q")).toBe(3);
  });

  it("reads a long run of backslashes with no beginning once per place", () => {
    const run = "\\".repeat(80);
    expect(trieOf(`${"\\".repeat(70)}X`).beginningAt(`${run}Y`)).toBe(-1);
  });

  it("agrees with beginningMatcher on a secret spelled in any mix and cut anywhere", () => {
    const input = fc.record({
      secrets: fc.array(secretOf(1, 8), { minLength: 1, maxLength: 5 }),
      writers: fc.array(fc.nat(WRITERS.length - 1), { minLength: 1, maxLength: 5 }),
      before: secretOf(0, 6),
      pick: fc.nat(),
      cut: fc.nat(),
    });
    fc.assert(
      fc.property(input, ({ secrets, writers, before, pick, cut }) => {
        const secret = secrets[pick % secrets.length]!;
        const text = `${before}${spelled(secret, writers)}`;
        // Cut between code points: a text cut inside a pair is read as its literal half, which no spelling is.
        const points = [...text];
        const head = points.slice(0, cut % (points.length + 1)).join("");
        expect(trieOf(...secrets).beginningAt(head)).toBe(beginningMatcher(secrets)(head));
      }),
      { ...seeded, numRuns: 1500 },
    );
  });
});
