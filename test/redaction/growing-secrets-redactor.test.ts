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
});
