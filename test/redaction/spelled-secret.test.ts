// One secret's spellings: the pattern of the whole secret, its reach, the pattern and the matcher of a beginning at a
// cut edge, and the walk for secrets too long for a pattern, each against the others on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED } from "../../src/redaction/secrets-redactor.ts";
import {
  beginningMatcher,
  beginningPattern,
  spelledSecret,
  spellingReach,
  spellingsReplacer,
} from "../../src/redaction/spelled-secret.ts";
import { seeded } from "../helpers/seed.ts";

const hex = (code: number, width: number) => code.toString(16).padStart(width, "0");
/** A character as a server may write it: as it is, percent-encoded, \u-escaped (either hex case), JSON's short escape, `+` for a space. */
const writers: ((char: string) => string)[] = [
  (c) => c,
  (c) => [...Buffer.from(c)].map((b) => `%${hex(b, 2)}`).join(""),
  (c) => [...Array(c.length).keys()].map((i) => `\\u${hex(c.charCodeAt(i), 4)}`).join(""),
  // Hex digits in upper case, letters a–f only: `%C3%A9`, `\u00E9`.
  (c) => [...Buffer.from(c)].map((b) => `%${hex(b, 2).toUpperCase()}`).join(""),
  (c) => [...Array(c.length).keys()].map((i) => `\\u${hex(c.charCodeAt(i), 4).toUpperCase()}`).join(""),
  (c) => (c === " " ? "+" : (({ '"': '\\"', "\\": "\\\\", "/": "\\/", "\f": "\\f", "\n": "\\n" } as never)[c] ?? c)),
];
/** Each letter in the other case: a–f in an escape's hex digits are either case, anything else is not. */
const swapCase = (text: string) =>
  [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");

describe("spelledSecret", () => {
  it("matches each character in every spelling, or with lettersAsIs its letters and digits only as they are", () => {
    expect(spelledSecret("a/")).toEqual({ whole: "(?:a|%61|\\\\u0061)(?:/|%2[fF]|\\\\u002[fF]|\\\\/)", reach: 12 });
    expect(spelledSecret("a/", true)).toEqual({ whole: "a(?:/|%2[fF]|\\\\u002[fF]|\\\\/)", reach: 12 });
  });

  it("reaches as far as the longest spelling of each character", () => {
    expect(spellingReach("a")).toBe(6);
    expect(spellingReach("é")).toBe(6);
    expect(spellingReach("😀")).toBe(12);
    expect(spellingReach("a😀 ")).toBe(24);
  });
});

describe("beginningPattern", () => {
  it("matches a partial spelling of a character, or a whole one and a beginning of the rest", () => {
    expect(beginningPattern("a/")).toBe(
      "(?:%|%6|\\\\|\\\\u|\\\\u0|\\\\u00|\\\\u006|(?:a|%61|\\\\u0061)(?:(?:%|%2|\\\\|\\\\u|\\\\u0|\\\\u00|\\\\u002|\\\\))?)",
    );
    expect(beginningPattern("")).toBe("");
  });
});

describe("beginningMatcher", () => {
  it("finds where a beginning of a spelling runs to the end, as the beginning patterns do", () => {
    const secrets = ["ab\\/cdEF", "\u00e9 \ud83d\ude00xyz12", "a\\\\\\b\f"];
    const pattern = new RegExp(`(?:${secrets.map(beginningPattern).join("|")})$`);
    const matcher = beginningMatcher(secrets);
    const piece = fc.oneof(
      fc.constantFrom(...secrets).chain((secret) =>
        fc
          .tuple(fc.array(fc.nat(writers.length - 1), { minLength: 12, maxLength: 12 }), fc.boolean(), fc.nat(80))
          .map(([picks, swap, cut]) => {
            const spelled = [...secret].map((c, i) => writers[picks[i]!]!(c)).join("");
            return (swap ? swapCase(spelled) : spelled).slice(0, cut);
          }),
      ),
      fc.constantFrom("x", "%", "\\", "\\u", "%6", "A", "U", "\ud83d"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const text = pieces.join("");
        expect(matcher(text)).toBe(text.search(pattern));
      }),
      { ...seeded, numRuns: 500 },
    );
  });

  it("takes a lone high surrogate for no beginning of a character beyond U+FFFF written as it is", () => {
    expect(beginningMatcher(["\ud83d\ude00abcdefgh"])("x\ud83d")).toBe(-1);
    expect(beginningMatcher(["\ud83d\ude00abcdefgh"])("x\\ud83d")).toBe(1);
  });

  it("skips an empty secret among others", () => {
    expect(beginningMatcher(["", "abcdefgh"])("x abc")).toBe(2);
    expect(beginningMatcher([""])("x abc")).toBe(-1);
  });
});

describe("spellingsReplacer", () => {
  it("replaces exactly what the pattern of every spelling replaces, whatever the case of the letters", () => {
    const alphabet = fc.constantFrom("a", "F", "z", " ", '"', "\\", "/", "\f", "\n", "é", "😀");
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 10 }).chain((chars) => {
          const secret = chars.join("");
          const spelled = fc
            .tuple(fc.array(fc.nat(writers.length - 1), { minLength: 10, maxLength: 10 }), fc.boolean())
            .map(([picks, swap]) => {
              const text = [...secret].map((c, i) => writers[picks[i]!]!(c)).join("");
              return swap ? swapCase(text) : text;
            });
          const piece = fc.oneof(spelled, fc.constantFrom("x", "%", "\\", "\\U0061", "\\u0061", "A", "+"));
          return fc.tuple(fc.constant(secret), fc.array(piece, { maxLength: 5 }));
        }),
        ([secret, pieces]) => {
          const text = pieces.join("");
          const byPattern = text.replace(new RegExp(spelledSecret(secret).whole, "g"), REDACTED);
          expect(spellingsReplacer([secret], REDACTED)(text)).toBe(byPattern);
        },
      ),
      { ...seeded, numRuns: 500 },
    );
  });

  it("keeps JSON's short escapes in their one case: \\F is no form feed", () => {
    const replace = spellingsReplacer(["ab\fcdefgh"], REDACTED);
    expect(replace("1 ab\\fcdefgh 2 ab\\Fcdefgh 3 AB\\fcdefgh")).toBe(`1 ${REDACTED} 2 ab\\Fcdefgh 3 AB\\fcdefgh`);
  });

  it("finishes on a long run of characters with two spellings each", () => {
    const replace = spellingsReplacer([`${"\\".repeat(40)}x`], REDACTED);
    expect(replace("\\".repeat(120))).toBe("\\".repeat(120));
  });
});
