// The scrubber's one matcher: a secret is redacted in any mix of spellings per character, and nothing else changes;
// a cut keeps no beginning of a secret, wherever it falls.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSecretScrubber, MIN_SECRET_LENGTH, REDACTED } from "../../src/client/secret-scrubber.ts";
import { withBase64Spellings } from "../../src/redaction/encoded-secret.ts";
import { beginningMatcher, beginningPattern } from "../../src/redaction/spelled-secret.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { seeded } from "../helpers/seed.ts";

const scrubber = createSecretScrubber(PROJECT_ID, API_TOKEN);
const pair = `${PROJECT_ID}:${API_TOKEN}`;
const basic = Buffer.from(pair).toString("base64");
/** The scrubber's secrets matched in every spelling: the token and the pair, with their whole base64 (the Basic value). */
const { secrets } = withBase64Spellings([API_TOKEN, pair]);

const hex = (code: number, width: number, upper: boolean) => {
  const digits = code.toString(16).padStart(width, "0");
  return upper ? digits.toUpperCase() : digits;
};

/** One character of a secret as a server may write it. */
const spellings: ((char: string) => string)[] = [
  (c) => c,
  (c) => [...Buffer.from(c)].map((b) => `%${hex(b, 2, false)}`).join(""),
  (c) => [...Buffer.from(c)].map((b) => `%${hex(b, 2, true)}`).join(""),
  // Every UTF-16 unit of the character: both halves of a surrogate pair.
  (c) => [...Array(c.length).keys()].map((i) => `\\u${hex(c.charCodeAt(i), 4, false)}`).join(""),
  (c) => [...Array(c.length).keys()].map((i) => `\\u${hex(c.charCodeAt(i), 4, true)}`).join(""),
  // Hex digits in mixed case within one character (`%c3%A9`).
  (c) => [...Buffer.from(c)].map((b, i) => `%${hex(b, 2, i % 2 === 0)}`).join(""),
];

/** A secret spelled with a spelling chosen per character. */
const spelledSecret = fc
  .constantFrom(...secrets)
  .chain((secret) =>
    fc
      .array(fc.nat(spellings.length - 1), { minLength: secret.length, maxLength: secret.length })
      .map((picks) => ({ secret, picks })),
  )
  .map(({ secret, picks }) => [...secret].map((c, i) => spellings[picks[i]!]!(c)).join(""));

/** Text around a secret that cannot join a spelling of one: none of its characters are in the secrets. */
const unrelated = fc.string({ unit: fc.constantFrom(..."ghijmpqvwxyz .;!_é€😀") });

describe("the scrubber's matcher", () => {
  it("redacts a secret written with any mix of literal, percent-encoded and \\u-escaped characters", () => {
    fc.assert(
      fc.property(unrelated, spelledSecret, unrelated, (before, secret, after) => {
        expect(scrubber.text(`${before}${secret}${after}`)).toBe(`${before}${REDACTED}${after}`);
      }),
      seeded,
    );
  });

  it("leaves text without a secret untouched", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(scrubber.text(text)).toBe(text);
      }),
      seeded,
    );
  });

  it("cuts after redacting, and never leaves the beginning of a spelled secret at the cut", () => {
    fc.assert(
      fc.property(unrelated, spelledSecret, unrelated, fc.nat(200), (before, secret, after, maxLength) => {
        const text = `${before}${secret}${after}`;
        const { text: kept, cut } = scrubber.cut(text, maxLength);
        const whole = scrubber.text(text);
        expect(whole.startsWith(kept)).toBe(true);
        expect(kept.length).toBeLessThanOrEqual(maxLength);
        expect(cut).toBe(kept !== whole);
        // What was kept of the spelled secret, if anything, is none of it: the redaction or nothing.
        const from = before.length;
        if (kept.length > from) expect(kept.slice(from).startsWith(REDACTED.slice(0, kept.length - from))).toBe(true);
      }),
      seeded,
    );
  });

  it("keeps no beginning of a secret that holds a character beyond U+FFFF, wherever the cut falls, even between its halves", () => {
    const astral = "hunter2-secret-\u{1F600}-tail";
    const own = createSecretScrubber(PROJECT_ID, astral);
    for (let end = 1; end < astral.length; end++) {
      // The text ends inside the secret, so only the cut edge's matcher can keep its beginning out.
      const text = `prefix ${astral.slice(0, end)}`;
      for (let maxLength = 0; maxLength < text.length; maxLength++) {
        expect(own.cut(text, maxLength).text, `cut at ${maxLength} of ${JSON.stringify(text)}`).toBe(
          "prefix ".slice(0, maxLength),
        );
      }
    }
  });

  it("redacts a space in a secret written as + (form encoding)", () => {
    const spaced = createSecretScrubber(PROJECT_ID, "token with spaces inside");
    expect(spaced.text("a=token+with%20spaces+inside&b")).toBe(`a=${REDACTED}&b`);
  });

  it(`does not redact a token shorter than ${MIN_SECRET_LENGTH} characters on its own, but still the pair and Basic value`, () => {
    const short = createSecretScrubber(PROJECT_ID, "status");
    expect(short.text("expected status 200")).toBe("expected status 200");
    expect(short.text(`${PROJECT_ID}:status`)).toBe(REDACTED);
    expect(short.text(Buffer.from(`${PROJECT_ID}:status`).toString("base64"))).toBe(REDACTED);
  });
});

describe("scrubbers of the same credentials", () => {
  it("share their patterns, and a scrubber of other credentials in between changes neither's redaction nor cut", () => {
    const first = createSecretScrubber(PROJECT_ID, API_TOKEN);
    const other = createSecretScrubber(PROJECT_ID, "another-token-entirely");
    const second = createSecretScrubber(PROJECT_ID, API_TOKEN);
    const text = `a ${encodeURIComponent(pair)} b ${API_TOKEN} c another-token-entirely d ${"x".repeat(40)}${basic}`;
    for (const scrubber of [first, other, second, first]) scrubber.text(text);
    expect(first.text(text)).toBe(
      `a ${REDACTED} b ${REDACTED} c another-token-entirely d ${"x".repeat(40)}${REDACTED}`,
    );
    expect(second.text(text)).toBe(first.text(text));
    expect(other.text(text)).toBe(
      `a ${encodeURIComponent(pair)} b ${API_TOKEN} c ${REDACTED} d ${"x".repeat(40)}${basic}`,
    );
    // The token cut after 5 characters: redacted first for the scrubbers that know it, kept as it is by the other one.
    const cutToken = `${"x".repeat(50)}${API_TOKEN}`;
    expect(second.cut(cutToken, 55)).toEqual({ text: `${"x".repeat(50)}${REDACTED.slice(0, 5)}`, cut: true });
    expect(first.cut(cutToken, 55)).toEqual(second.cut(cutToken, 55));
    expect(other.cut(cutToken, 55)).toEqual({ text: `${"x".repeat(50)}${API_TOKEN.slice(0, 5)}`, cut: true });
  });
});

describe("the cut edge's matcher", () => {
  // Short secrets with every kind of character a spelling treats apart: their patterns compile in milliseconds.
  const SHORT_SECRETS = ['tok+en %\\"/x', "\u00e9t\u00e9 \ud83d\ude00 ab", "AbCdEf12", "a\\\\\\b\tc\nd"];
  const reference = (secrets: string[]) =>
    new RegExp(`(?:${secrets.map((secret) => beginningPattern(secret)).join("|")})$`);
  const matchers = SHORT_SECRETS.map((secret) => ({
    secret,
    pattern: reference([secret]),
    matcher: beginningMatcher([secret]),
  }));
  const all = { pattern: reference(SHORT_SECRETS), matcher: beginningMatcher(SHORT_SECRETS) };
  // The spellings above, and `+` for a space and JSON's short escapes.
  const JSON_SHORT: Record<string, string> = { '"': '\\"', "\\": "\\\\", "/": "\\/", "\t": "\\t", "\n": "\\n" };
  const every = [...spellings, (c: string) => (c === " " ? "+" : (JSON_SHORT[c] ?? c))];
  const anySpelling = (secret: string) =>
    fc
      .array(fc.nat(every.length - 1), { minLength: [...secret].length, maxLength: [...secret].length })
      .map((picks) => [...secret].map((c, i) => every[picks[i]!]!(c)).join(""));
  const edge = fc
    .nat(SHORT_SECRETS.length - 1)
    .chain((index) => fc.tuple(fc.constant(index), anySpelling(SHORT_SECRETS[index]!), fc.nat(200)))
    .map(([index, spelled, cut]) => ({ index, text: spelled.slice(0, cut % (spelled.length + 1)) }));

  it("finds a beginning of a spelled secret at the end of a text where the pattern of its spellings does", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'xa%\\u0+AbC"t') }), edge, (before, { index, text }) => {
        const { pattern, matcher } = matchers[index]!;
        expect(matcher(before + text)).toBe((before + text).search(pattern));
        expect(all.matcher(before + text)).toBe((before + text).search(all.pattern));
      }),
      { ...seeded, numRuns: 500 },
    );
  });

  // `\` is spelled `\` or `\\`: a run of them splits in exponentially many ways, which a search that forgets the states
  // it has tried revisits; this one would not end within the test's timeout.
  it("finds a beginning after a long run of characters with two spellings each", () => {
    const backslashes = beginningMatcher(["\\".repeat(40)]);
    expect(backslashes(`${"\\".repeat(60)}x${"\\".repeat(39)}`)).toBe(61);
    expect(backslashes(`${"\\".repeat(60)}x`)).toBe(-1);
  });
});
