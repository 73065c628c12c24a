// A secret of thousands of characters (a long bearer token, or a recording's hostile Authorization header) is redacted
// and cut like a short one: no pattern or walk grows with it past what the stack or a test's time allows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSecretsRedactor, REDACTED } from "../../src/redaction/secrets-redactor.ts";
import { spelledSecret, spellingsReplacer } from "../../src/redaction/spelled-secret.ts";
import { seeded } from "../helpers/seed.ts";

const LONG = `${"Ab9".repeat(6_666)}xyz`; // 20,001 characters

describe("a 20,001-character secret", () => {
  // Built in each test (the second time from the cache of patterns), so that each test runs what building it runs.
  const redactor = () => createSecretsRedactor([LONG]);

  it("is redacted as it is, percent-encoded and JSON-escaped", () => {
    const percentEncoded = [...LONG].map((char) => `%${char.charCodeAt(0).toString(16)}`).join("");
    const jsonEscaped = `\\u0041${LONG.slice(1)}`;
    expect(redactor().text(`a ${LONG} b ${percentEncoded} c ${jsonEscaped} d`)).toBe(
      "a [REDACTED] b [REDACTED] c [REDACTED] d",
    );
  });

  it("leaves no beginning of itself where a cut falls inside it", () => {
    expect(redactor().cut(`x ${LONG.slice(0, 19_990)}`, 19_000)).toEqual({ text: "x ", cut: true });
    expect(redactor().cut(`x ${LONG.slice(0, 5)}`, 4)).toEqual({ text: "x ", cut: true });
  });

  it("keeps text that only resembles it", () => {
    const other = `${"Ab9".repeat(6_666)}xyZ`;
    expect(redactor().text(other)).toBe(other);
  });
});

describe("the walk that redacts secrets too long for a pattern", () => {
  // Characters with several spellings each: a space (`+`), JSON's short escapes, a letter (hex case), beyond the BMP.
  const alphabet = fc.constantFrom("a", "F", " ", '"', "\\", "/", "\n", "%", "é", "😀");
  const textAround = (secret: string) =>
    fc.array(
      fc.oneof(
        fc.constant(secret),
        fc.constant(secret.slice(0, 3)),
        fc.constantFrom(...["%41", "\\u0061", "+", "\\\\", "%2", "x"]),
        fc.constant(
          [...secret].map((char, i) => (i % 2 ? encodeURIComponent(char) : JSON.stringify(char).slice(1, -1))).join(""),
        ),
      ),
      { maxLength: 6 },
    );

  it("replaces exactly what the pattern of every spelling replaces", () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 12 }).chain((chars) => {
          const secret = chars.join("");
          return fc.tuple(fc.constant(secret), textAround(secret));
        }),
        ([secret, pieces]) => {
          const text = pieces.join("");
          const byPattern = text.replace(new RegExp(spelledSecret(secret).whole, "g"), REDACTED);
          expect(spellingsReplacer([secret], REDACTED)(text)).toBe(byPattern);
        },
      ),
      { ...seeded, numRuns: 300 },
    );
  });
});
