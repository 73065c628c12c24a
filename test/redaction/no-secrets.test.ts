// The redactor of code that holds no credentials: text as it is, cut at exactly maxLength, no number a secret.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { seeded } from "../helpers/seed.ts";

describe("NO_SECRETS", () => {
  it("keeps any text as it is, and holds no number", () => {
    expect(NO_SECRETS.text("a%20b [REDACTED] \\u0041")).toBe("a%20b [REDACTED] \\u0041");
    expect(NO_SECRETS.numberHoldsSecret(847261935012)).toBe(false);
  });

  it("cuts only a text longer than maxLength, to its first maxLength characters", () => {
    expect(NO_SECRETS.cut("abcde", 5)).toEqual({ text: "abcde", cut: false });
    expect(NO_SECRETS.cut("abcdef", 5)).toEqual({ text: "abcde", cut: true });
    expect(NO_SECRETS.cut("abcd", 5)).toEqual({ text: "abcd", cut: false });
    expect(NO_SECRETS.cut("", 0)).toEqual({ text: "", cut: false });
    expect(NO_SECRETS.cut("a", 0)).toEqual({ text: "", cut: true });
  });

  it("keeps a prefix of at most maxLength characters, and says cut exactly when it is not the whole text", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(40), (text, maxLength) => {
        expect(NO_SECRETS.cut(text, maxLength)).toEqual({
          text: text.slice(0, maxLength),
          cut: text.length > maxLength,
        });
      }),
      seeded,
    );
  });
});
