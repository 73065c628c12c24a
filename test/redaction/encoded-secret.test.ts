// A credential in base64 (standard and URL-safe, padded or not, alone or inside longer base64 text at each byte
// offset) and a digits-only token echoed as a JSON number: the redactor's exact output for each.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSecretScrubber, REDACTED } from "../../src/client/secret-scrubber.ts";
import { base64Spellings, withBase64Spellings } from "../../src/redaction/encoded-secret.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import { shortJson } from "../../src/validation/short-json.ts";
import { seeded } from "../helpers/seed.ts";

const TOKEN = "bearer-token-5a6b7c8d";
const scrubber = createSecretScrubber("project-1", TOKEN);

describe("base64Spellings", () => {
  it("lists the whole encoding, and the characters only the secret's bytes decide at each other byte offset", () => {
    expect(base64Spellings(TOKEN)).toEqual({
      whole: ["YmVhcmVyLXRva2VuLTVhNmI3Yzhk"],
      inside: ["JlYXJlci10b2tlbi01YTZiN2M4Z", "iZWFyZXItdG9rZW4tNWE2YjdjOG"],
    });
  });

  it("holds the whole encoding padded and not, in both alphabets, when the secret's length is not a multiple of 3", () => {
    expect(base64Spellings("pr0xy?pass>word~")).toEqual({
      whole: ["cHIweHk/cGFzcz53b3Jkfg==", "cHIweHk/cGFzcz53b3Jkfg", "cHIweHk_cGFzcz53b3Jkfg"],
      inside: [
        "cHIweHk/cGFzcz53b3Jkf",
        "cHIweHk_cGFzcz53b3Jkf",
        "ByMHh5P3Bhc3M+d29yZH",
        "ByMHh5P3Bhc3M-d29yZH",
        "wcjB4eT9wYXNzPndvcmR+",
        "wcjB4eT9wYXNzPndvcmR-",
      ],
    });
  });

  it("drops a secret shorter than 8 characters with its spellings: `c3RhdHVz` is the word status", () => {
    expect(withBase64Spellings(["status", "longer-secret"])).toEqual({
      secrets: ["longer-secret", "bG9uZ2VyLXNlY3JldA==", "bG9uZ2VyLXNlY3JldA"],
      inBase64Text: ["bG9uZ2VyLXNlY3Jld", "xvbmdlci1zZWNyZX", "sb25nZXItc2VjcmV0"],
    });
  });

  it("keeps a secret of exactly 8 characters with its spellings", () => {
    expect(withBase64Spellings(["abcdefgh"])).toEqual({
      secrets: ["abcdefgh", "YWJjZGVmZ2g=", "YWJjZGVmZ2g"],
      inBase64Text: ["YWJjZGVmZ2", "FiY2RlZmdo", "hYmNkZWZna"],
    });
  });

  it("lists a spelling inside base64 text only once, among the secrets, when it is also a secret of the list", () => {
    const inside = base64Spellings(TOKEN).inside[0]!;
    expect(withBase64Spellings([TOKEN, inside])).toEqual({
      secrets: [TOKEN, "YmVhcmVyLXRva2VuLTVhNmI3Yzhk", inside, "SmxZWEpsY2kxMGIydGxiaTAxWVRaaU4yTTRa"],
      inBase64Text: [
        "iZWFyZXItdG9rZW4tNWE2YjdjOG",
        "psWVhKbGNpMTBiMnRsYmkwMVlUWmlOMk00W",
        "KbFlYSmxjaTEwYjJ0bGJpMDFZVFppTjJNNF",
      ],
    });
  });

  it("finds the secret inside any longer base64 text, whatever the bytes around it, in either alphabet", () => {
    const bytes = fc.uint8Array({ maxLength: 12 });
    const { whole, inside } = base64Spellings(TOKEN);
    fc.assert(
      fc.property(bytes, bytes, fc.constantFrom("base64", "base64url" as const), (before, after, alphabet) => {
        const text = Buffer.concat([before, Buffer.from(TOKEN), after]).toString(alphabet);
        expect([...whole, ...inside].some((spelling) => text.includes(spelling))).toBe(true);
      }),
      seeded,
    );
  });

  it("is redacted inside longer base64 text whose +, / and = are percent-encoded or JSON-escaped, in any mix", () => {
    // Its base64 holds + and / at every offset.
    const secret = "t?k>n~~-5a6b?>7c8d";
    const redactor = createSecretScrubber("project-1", secret);
    const spell = [(c: string) => c, encodeURIComponent, (c: string) => `%${c.charCodeAt(0).toString(16)}`];
    const jsonEscapes = (c: string) => (c === "/" ? "\\/" : `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 9 }),
        fc.uint8Array({ maxLength: 9 }),
        fc.infiniteStream(fc.nat(3)),
        (before, after, picks) => {
          const base64 = Buffer.concat([before, Buffer.from(secret), after]).toString("base64");
          const text = base64.replace(/[+/=]/g, (c) => [...spell, jsonEscapes][picks.next().value]!(c));
          const redacted = redactor.text(text);
          expect(redacted).toContain(REDACTED);
          expect(redacted.length).toBeLessThan(text.length);
        },
      ),
      seeded,
    );
  });
});

describe("a client's redactor and base64", () => {
  it.each([
    ["at offset 0", Buffer.from(`{"echo":"${TOKEN}!"}`).toString("base64"), `eyJlY2hvIjoi${REDACTED}ISJ9`],
    ["at offset 1", Buffer.from(`{"echo":"a${TOKEN}!"}`).toString("base64"), `eyJlY2hvIjoiYW${REDACTED}CEifQ==`],
    ["at offset 2", Buffer.from(`{"echo":"ab${TOKEN}!"}`).toString("base64"), `eyJlY2hvIjoiYWJ${REDACTED}QhIn0=`],
    ["URL-safe, at offset 1", Buffer.from(`??>a${TOKEN}?>`).toString("base64url"), `Pz8-YW${REDACTED}D8-`],
    ["URL-safe, at offset 2", Buffer.from(`??>ab${TOKEN}?>`).toString("base64url"), `Pz8-YWJ${REDACTED}Q_Pg`],
    ["as a Bearer value", `Bearer ${Buffer.from(TOKEN).toString("base64")}`, `Bearer ${REDACTED}`],
    ["percent-encoded", encodeURIComponent(Buffer.from(`>${TOKEN}`).toString("base64")), `Pm${REDACTED}A%3D%3D`],
  ])("redacts the token encoded %s", (_where, text, redacted) => {
    expect(scrubber.text(text)).toBe(redacted);
  });

  it("redacts project:token in base64 at each offset, the Basic value whole; a character at an edge holds 2 or 4 bits", () => {
    const encoded = (before: string) => scrubber.text(Buffer.from(`${before}project-1:${TOKEN}`).toString("base64"));
    expect(encoded("")).toBe(REDACTED);
    expect(encoded("x")).toBe(`eH${REDACTED}Q=`);
    expect(encoded("xy")).toBe(`eHl${REDACTED}`);
  });
});

describe("a digits-only token echoed as a JSON number", () => {
  const digits = createSecretScrubber("project-1", "847261935012");

  it("is a number that holds a secret, as it is, inside a longer number, and past 2^53", () => {
    expect(digits.numberHoldsSecret(847261935012)).toBe(true);
    expect(digits.numberHoldsSecret(18472619350129)).toBe(true);
    expect(digits.numberHoldsSecret(847261935013)).toBe(false);
    expect(digits.numberHoldsSecret(200)).toBe(false);
    const long = createSecretsRedactor(["84726193501234567890"]);
    expect(long.numberHoldsSecret(JSON.parse("84726193501234567890"))).toBe(true);
    expect(long.numberHoldsSecret(84726193501234)).toBe(false);
  });

  it("becomes the string [REDACTED] in a server's value, and is quoted as the redaction", () => {
    expect(digits.value({ echo: { n: 847261935012, m: 5 }, s: "847261935012" })).toEqual({
      echo: { n: REDACTED, m: 5 },
      s: REDACTED,
    });
    expect(shortJson({ echo: { n: 847261935012 } }, digits)).toBe(`{"echo":{"n":${REDACTED}}}`);
    expect(digits.text("n=847261935012")).toBe(`n=${REDACTED}`);
  });
});
