// The growing redactor against createSecretsRedactor of the same secrets: the same text and the same cut for secrets
// written in every spelling, mixed, cut short; secrets added one at a time; and the work of a growing list of secrets
// that grows with the texts redacted, never with the square of the secrets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GrowingSecretsRedactor } from "../../src/redaction/growing-secrets-redactor.ts";
import { createSecretsRedactor, REDACTED } from "../../src/redaction/secrets-redactor.ts";
import { seeded } from "../helpers/seed.ts";

const CHARACTERS = ["a", "b", " ", "A", "%", "\\", "+", '"', "/", "u", "0", "1", "é", "😀", "\n", "\ude00"];
const secretOf = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CHARACTERS), { minLength: min, maxLength: max }).map((chars) => chars.join(""));

/** One character as a spelling writes it: as it is, percent-encoded, a JSON \u escape, or JSON's own escape. */
const WRITERS = [
  (char: string) => char,
  (char: string) => [...Buffer.from(char)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join(""),
  (char: string) => [...char].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
  (char: string) => JSON.stringify(char).slice(1, -1),
];
const spelled = (secret: string, writers: number[]) =>
  [...secret].map((char, k) => WRITERS[writers[k % writers.length]!]!(char)).join("");

const grown = (secrets: string[], inBase64: string[]) => {
  const redactor = new GrowingSecretsRedactor();
  // One at a time, in both lists' order, as a proxy collects them.
  for (const secret of secrets) redactor.add([secret]);
  for (const secret of inBase64) redactor.add([], [secret]);
  return redactor;
};

describe("a growing secrets redactor", () => {
  it("redacts and cuts every text as createSecretsRedactor of the same secrets does", () => {
    const input = fc.record({
      secrets: fc.array(secretOf(8, 14), { minLength: 1, maxLength: 6 }),
      inBase64: fc.array(secretOf(8, 12), { maxLength: 3 }),
      writers: fc.array(fc.nat(WRITERS.length - 1), { minLength: 1, maxLength: 6 }),
      filler: secretOf(0, 24),
      pick: fc.nat(),
      maxLength: fc.nat(60),
    });
    fc.assert(
      fc.property(input, ({ secrets, inBase64, writers, filler, pick, maxLength }) => {
        const all = [...secrets, ...inBase64];
        const secret = all[pick % all.length]!;
        // A whole spelling, then the beginning of another, as a server's text cut short would end.
        const text = `${filler.slice(0, 9)}${spelled(secret, writers)}${filler.slice(9)}${secret.slice(0, pick % secret.length)}`;
        const reference = createSecretsRedactor(secrets, inBase64);
        const redactor = grown(secrets, inBase64);
        expect(redactor.text(text)).toBe(reference.text(text));
        expect(redactor.cut(text, maxLength)).toEqual(reference.cut(text, maxLength));
      }),
      { ...seeded, numRuns: 1500 },
    );
  });

  it("replaces the longest secret whole, whichever was added first", () => {
    const redactor = grown(["token-12345"], []);
    redactor.add(["project-id:token-12345"]);
    expect(redactor.text("u=project-id:token-12345 t=token%2D12345")).toBe(`u=${REDACTED} t=${REDACTED}`);
  });

  it("spells a secret in full once it is added as one, though it came first inside base64 text", () => {
    const redactor = grown([], ["abc/def+ghi"]);
    expect(redactor.text("x=abc\\u002fdef+ghi")).toBe(`x=${REDACTED}`);
    expect(redactor.text("x=\\u0061bc/def+ghi")).toBe("x=\\u0061bc/def+ghi");
    redactor.add(["abc/def+ghi"]);
    expect(redactor.text("x=\\u0061bc/def+ghi")).toBe(`x=${REDACTED}`);
  });

  it("leaves short secrets out, knows digits-only ones as numbers, and counts each secret once", () => {
    const redactor = grown(["1234567", "84726193501", "84726193501"], []);
    expect(redactor.size).toBe(1);
    expect(redactor.text("1234567 84726193501")).toBe(`1234567 ${REDACTED}`);
    expect(redactor.numberHoldsSecret(84726193501)).toBe(true);
    expect(redactor.numberHoldsSecret(1234567)).toBe(false);
    expect(redactor.cut("abcdef", 10)).toEqual({ text: "abcdef", cut: false });
  });

  it("redacts a secret holding a lone surrogate, in its percent spelling and cut at its beginning", () => {
    const secret = "abcd\ud800efgh";
    const redactor = grown([secret, "other-secret"], []);
    expect(redactor.text("x abcd%EF%BF%BDefgh y")).toBe(`x ${REDACTED} y`);
    expect(redactor.cut("x abcd%EF%BF%BDefgh y abcd\\ud800e", 25)).toEqual({ text: `x ${REDACTED} y `, cut: true });
  });

  it("spells out each secret a few times over many texts, never every secret for every new one", () => {
    const redactor = new GrowingSecretsRedactor();
    const tenants = 2_000;
    for (let i = 0; i < tenants; i++) {
      const credential = `tenant-${i}:PT${(i * 2_654_435_761).toString(36)}-secret`;
      const basic = Buffer.from(credential).toString("base64");
      redactor.add([`Basic ${basic}`, basic, credential]);
      expect(redactor.text(`authorization: Basic ${basic}; echoed ${credential}`)).toBe(
        `authorization: ${REDACTED}; echoed ${REDACTED}`,
      );
    }
    expect(redactor.size).toBe(3 * tenants);
    // Each text needs its tenant's three secrets; a redactor of every secret per new one would spell millions.
    expect(redactor.spelled).toBe(3 * tenants);
    expect(redactor.text("Basic dGVuYW50LTE6 tenant-1:PT")).toBe("Basic dGVuYW50LTE6 tenant-1:PT");
  });

  describe("tries secrets of one length in the order createSecretsRedactor would", () => {
    // Both start at the text's `%2F`: the first read as it is, the second with `%2F` as `/` and two characters more.
    const literal = "%2Fbcdefg";
    const decoded = "/bcdefghi";
    const text = "x %2Fbcdefghi";

    it("in the order they were added in full, either one first", () => {
      expect(grown([literal, decoded], []).text(text)).toBe(`x ${REDACTED}hi`);
      expect(grown([decoded, literal], []).text(text)).toBe(`x ${REDACTED}`);
      expect(createSecretsRedactor([literal, decoded]).text(text)).toBe(`x ${REDACTED}hi`);
      expect(createSecretsRedactor([decoded, literal]).text(text)).toBe(`x ${REDACTED}`);
    });

    it("in the order they were added inside base64 text, either one first", () => {
      expect(grown([], [literal, decoded]).text(text)).toBe(`x ${REDACTED}hi`);
      expect(grown([], [decoded, literal]).text(text)).toBe(`x ${REDACTED}`);
    });

    it("those added in full before those only inside base64 text, whichever came first", () => {
      expect(grown([decoded], [literal]).text(text)).toBe(`x ${REDACTED}`);
      expect(grown([literal], [decoded]).text(text)).toBe(`x ${REDACTED}hi`);
    });

    it("keeps a secret's place when it is added again, in full or inside base64 text", () => {
      const redactor = grown([literal, decoded], []);
      redactor.add([literal]);
      expect(redactor.text(text)).toBe(`x ${REDACTED}hi`);
      redactor.add([], [literal]);
      expect(redactor.text(text)).toBe(`x ${REDACTED}hi`);
      expect(redactor.size).toBe(2);
    });

    it("places a secret added in full after coming inside base64 text after those added in full before it", () => {
      const redactor = grown(["unrelated-secret"], [decoded]);
      redactor.add([decoded]);
      redactor.add([literal]);
      expect(redactor.text(text)).toBe(`x ${REDACTED}`);
    });
  });

  it("keeps a secret added twice inside base64 text matched only as base64 writes it", () => {
    const redactor = grown([], ["abc/def+ghi", "abc/def+ghi"]);
    expect(redactor.text("x=\\u0061bc/def+ghi")).toBe("x=\\u0061bc/def+ghi");
    expect(redactor.text("x=abc%2Fdef+ghi")).toBe(`x=${REDACTED}`);
  });

  describe("numbers", () => {
    it("holds a digits-only secret as the number JSON reads, past 2^53 where its digits change", () => {
      const redactor = grown(["12345678901234567890"], []);
      const read: number = JSON.parse("12345678901234567890");
      expect(String(read)).toBe("12345678901234567000");
      expect(redactor.numberHoldsSecret(read)).toBe(true);
      expect(redactor.numberHoldsSecret(1234567890123456)).toBe(false);
    });

    it("holds a secret inside a longer number, written as JSON writes it", () => {
      const redactor = grown(["84726193501"], []);
      expect(redactor.numberHoldsSecret(9847261935012)).toBe(true);
      expect(redactor.numberHoldsSecret(8472619350)).toBe(false);
    });

    it("knows no number from a secret that is not digits, though Number would read one", () => {
      const redactor = grown(["0x12345678", "abcdefgh"], []);
      expect(redactor.numberHoldsSecret(0x12345678)).toBe(false);
      expect(redactor.numberHoldsSecret(Number.NaN)).toBe(false);
    });
  });

  it("spells a set of secrets out once while it is among the last 64 sets texts held, and again once left out", () => {
    const secrets = Array.from({ length: 65 }, (_, i) => `secret-${String(i).padStart(3, "0")}-value`);
    const redactor = grown(secrets, []);
    const redact = (i: number) => {
      expect(redactor.text(`a ${secrets[i]} b`)).toBe(`a ${REDACTED} b`);
      return redactor.spelled;
    };
    expect(redact(0)).toBe(1);
    expect(redact(0)).toBe(1);
    expect(redact(1)).toBe(2);
    expect(redact(0)).toBe(2);
    for (let i = 2; i < 64; i++) expect(redact(i)).toBe(i + 1);
    // Set 0 used again: set 1 is now the one used longest ago, the one left out for set 64.
    expect(redact(0)).toBe(64);
    expect(redact(64)).toBe(65);
    expect(redact(0)).toBe(65);
    expect(redact(1)).toBe(66);
    // A text that holds no secret takes no place: set 3, now the one used longest ago, is still there.
    expect(redactor.text("a b")).toBe("a b");
    expect(redact(3)).toBe(66);
  });

  it("keeps apart the redactors of different secrets inside base64 text, one at a time and together", () => {
    const redactor = grown([], ["abcd/efgh+1", "ijkl/mnop+2"]);
    expect(redactor.text("x abcd%2Fefgh+1")).toBe(`x ${REDACTED}`);
    expect(redactor.text("x ijkl%2Fmnop+2")).toBe(`x ${REDACTED}`);
    expect(redactor.text("x abcd/efgh+1 ijkl/mnop+2")).toBe(`x ${REDACTED} ${REDACTED}`);
    expect(redactor.spelled).toBe(4);
  });

  describe("cut", () => {
    const secret = "abcdefgh";
    // Every character of the secret spelled as \u0061: the longest spelling, so the reach is 8 × 6.
    const reach = 48;
    const spell = (text: string) =>
      [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");

    it("keeps a text no longer than maxLength whole, and cuts a longer one at maxLength", () => {
      const redactor = grown([secret], []);
      expect(redactor.cut("0123456789", 10)).toEqual({ text: "0123456789", cut: false });
      expect(redactor.cut("0123456789", 9)).toEqual({ text: "012345678", cut: true });
      // Redacted, the text is longer than the secret was: the redacted length is the one held to maxLength.
      expect(redactor.cut(`${secret}0`, 11)).toEqual({ text: `${REDACTED}0`, cut: false });
      expect(redactor.cut(`${secret}01`, 11)).toEqual({ text: `${REDACTED}0`, cut: true });
    });

    it("redacts a secret that ends anywhere within maxLength plus the reach, and keeps no beginning of one", () => {
      const redactor = grown([secret], []);
      const maxLength = 30;
      const filler = "-".repeat(maxLength - REDACTED.length);
      for (const extra of [-1, 0, 1]) {
        const text = `${filler}${secret}${"+".repeat(reach + REDACTED.length - secret.length + extra)}`;
        expect(text.length).toBe(maxLength + reach + extra);
        expect(redactor.cut(text, maxLength)).toEqual({ text: `${filler}${REDACTED}`, cut: true });
        expect(createSecretsRedactor([secret]).cut(text, maxLength)).toEqual(redactor.cut(text, maxLength));
        expect(redactor.cut(`${secret}${text}`, maxLength)).toEqual({ text: `${REDACTED}${filler}`, cut: true });
      }
      // maxLength past the reach: the window is maxLength plus the reach, not less.
      const long = `${"-".repeat(20)}${secret}${"-".repeat(100)}`;
      const longCut = { text: `${"-".repeat(20)}${REDACTED}${"-".repeat(30)}`, cut: true };
      expect(redactor.cut(long, 60)).toEqual(longCut);
      expect(createSecretsRedactor([secret]).cut(long, 60)).toEqual(longCut);
      // Spelled \u0061…, starting one character before maxLength: it ends one character before the window's edge.
      const spelledAtEdge = `${"-".repeat(maxLength - 1)}${spell(secret)}`;
      expect(spelledAtEdge.length).toBe(maxLength + reach - 1);
      expect(redactor.cut(`${spelledAtEdge}-`, maxLength)).toEqual({
        text: `${"-".repeat(maxLength - 1)}[`,
        cut: true,
      });
      expect(redactor.cut(`${"-".repeat(maxLength - 12)}${secret}${"-".repeat(60)}`, maxLength)).toEqual({
        text: `${"-".repeat(maxLength - 12)}${REDACTED}--`,
        cut: true,
      });
    });

    it("calls a text longer than the window cut, though its window redacted fits in maxLength", () => {
      const redactor = grown([secret], []);
      const percent = [...secret].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
      const window = `${spell(secret)}${percent}------`;
      expect(window.length).toBe(30 + reach);
      expect(redactor.cut(`${window}-`, 30)).toEqual({ text: `${REDACTED}${REDACTED}------`, cut: true });
      expect(redactor.cut(window, 30)).toEqual({ text: `${REDACTED}${REDACTED}------`, cut: false });
    });

    it("cuts where a secret's beginning starts when the head is longer than the reach", () => {
      const redactor = grown([secret], []);
      expect(redactor.cut(`${"z".repeat(60)}abcdefg!`, 63)).toEqual({ text: "z".repeat(60), cut: true });
      expect(redactor.cut(`${"z".repeat(60)}\\u0061b${secret}`, 67)).toEqual({ text: "z".repeat(60), cut: true });
      expect(redactor.cut(`${"z".repeat(60)}abc`, 63)).toEqual({ text: `${"z".repeat(60)}abc`, cut: false });
    });

    it("cuts at the beginning of a secret that a redaction before it brought within maxLength", () => {
      // The first secret, spelled \u0066…, shrinks to [REDACTED] and brings the second within maxLength; the second
      // runs past the window, so its beginning is cut rather than redacted (it would show as `[REDA`).
      const redactor = grown(["first-secret", "second-secret-x"], []);
      const text = `${spell("first-secret")}-----${spell("second-secret-x")} end`;
      expect(redactor.cut(text, 20)).toEqual({ text: `${REDACTED}-----`, cut: true });
      expect(createSecretsRedactor(["first-secret", "second-secret-x"]).cut(text, 20)).toEqual(redactor.cut(text, 20));
      expect(redactor.cut(text, 200)).toEqual({ text: `${REDACTED}-----${REDACTED} end`, cut: false });
    });

    it("cuts at the leftmost beginning of a secret, with a lone surrogate or without", () => {
      const lone = "ab\ud800cdefgh";
      const redactor = grown([lone, "bcdefghij"], []);
      expect(redactor.cut("xyz ab%EF%BF%BDcdefgh!!", 30)).toEqual({ text: `xyz ${REDACTED}!!`, cut: false });
      expect(redactor.cut("xyz ab%EF%BF%BDcdefgh!!", 12)).toEqual({ text: "xyz [REDACTE", cut: true });
      // The one with a lone surrogate (spelled with U+FFFD's bytes), the other, and both: the leftmost is cut.
      expect(redactor.cut("xyz ab%EF%BF!!!!!!", 12)).toEqual({ text: "xyz ", cut: true });
      expect(redactor.cut("xyz bcdefg!!!!!!", 10)).toEqual({ text: "xyz ", cut: true });
      expect(redactor.cut("xyz ab!!!!!!", 6)).toEqual({ text: "xyz ", cut: true });
      expect(redactor.cut("xyz qrstuvwxyz!", 6)).toEqual({ text: "xyz qr", cut: true });
    });
  });
});
