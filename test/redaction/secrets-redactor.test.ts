// The secrets redactor's edges, in process: no secret long enough to redact, the longest first, a cut never keeping a
// beginning, a digits-only secret written as a number.
import { describe, expect, it } from "vitest";
import { createSecretsRedactor, MIN_SECRET_LENGTH, REDACTED } from "../../src/redaction/secrets-redactor.ts";

const ESCAPED_TEXT = 'a%20b\\u0041c+d \\"e\\" 100% + \\\\';

describe("a secrets redactor", () => {
  it(`with no secret of ${MIN_SECRET_LENGTH} or more characters changes no text, escape characters or not`, () => {
    for (const secrets of [[], ["short"], ["1234567"]]) {
      const redactor = createSecretsRedactor(secrets);
      expect(redactor.text(ESCAPED_TEXT)).toBe(ESCAPED_TEXT);
      expect(redactor.text("plain short 1234567")).toBe("plain short 1234567");
      expect(redactor.cut(ESCAPED_TEXT, 5)).toEqual({ text: "a%20b", cut: true });
      expect(redactor.cut("abc", 5)).toEqual({ text: "abc", cut: false });
      expect(redactor.numberHoldsSecret(1234567)).toBe(false);
    }
  });

  it(`redacts a secret of exactly ${MIN_SECRET_LENGTH} characters, and leaves one of ${MIN_SECRET_LENGTH - 1} beside it`, () => {
    const redactor = createSecretsRedactor(["abcdefgh", "abcdefg"]);
    expect(redactor.text("x abcdefgh y abcdefg z")).toBe(`x ${REDACTED} y abcdefg z`);
  });

  it("replaces the longest secret whole, never leaving part of it beside a shorter one", () => {
    const redactor = createSecretsRedactor(["token-12345", "project-id:token-12345"]);
    expect(redactor.text("u=project-id:token-12345 t=token-12345")).toBe(`u=${REDACTED} t=${REDACTED}`);
  });

  it("finds a secret in a text with escape characters in its escaped spelling, and in plain text as it is", () => {
    const redactor = createSecretsRedactor(["s3cret token"]);
    expect(redactor.text("q=s3cret+token&r=1")).toBe(`q=${REDACTED}&r=1`);
    expect(redactor.text("q=s3cret%20token 50%")).toBe(`q=${REDACTED} 50%`);
    expect(redactor.text("say s3cret token")).toBe(`say ${REDACTED}`);
    // Without a space in any secret, `+` sends no text to the spellings' pattern: a plus is only a plus.
    const noSpace = createSecretsRedactor(["s3cret-token"]);
    expect(noSpace.text("a+b s3cret-token")).toBe(`a+b ${REDACTED}`);
  });

  it("says whether a number holds a digits-only secret, as JSON writes it", () => {
    const redactor = createSecretsRedactor(["847261935012", "-12.5e3x"]);
    expect(redactor.numberHoldsSecret(847261935012)).toBe(true);
    expect(redactor.numberHoldsSecret(1847261935012)).toBe(true);
    expect(redactor.numberHoldsSecret(84726193501)).toBe(false);
    expect(redactor.numberHoldsSecret(-12500)).toBe(false);
  });

  it("cuts after redacting, and drops the beginning of a secret the cut would keep", () => {
    const redactor = createSecretsRedactor(["SECRETVALUE123"]);
    expect(redactor.cut("ab SECRETVALUE123 cd", 30)).toEqual({ text: `ab ${REDACTED} cd`, cut: false });
    expect(redactor.cut("ab SECRETVALUE123", 13)).toEqual({ text: `ab ${REDACTED}`, cut: false });
    expect(redactor.cut("ab SECRETVALUE123 cd", 8)).toEqual({ text: "ab [REDA", cut: true });
    // Not the whole secret, so not redacted; but a cut would keep its beginning.
    expect(redactor.cut("ab SECRETVALUE12", 10)).toEqual({ text: "ab ", cut: true });
    expect(redactor.cut(`ab SECRETVALUE12 ${"z".repeat(300)}`, 12)).toEqual({ text: "ab ", cut: true });
    expect(redactor.cut("ab SECRETVALUE12", 30)).toEqual({ text: "ab SECRETVALUE12", cut: false });
    expect(redactor.cut(`ab ${"y".repeat(10)}`, 13)).toEqual({ text: `ab ${"y".repeat(10)}`, cut: false });
    expect(redactor.cut(`ab ${"y".repeat(10)}`, 12)).toEqual({ text: `ab ${"y".repeat(9)}`, cut: true });
  });

  it("replaces a secret whole when a shorter one is its beginning", () => {
    const redactor = createSecretsRedactor(["project-id", "project-id:token-12345"]);
    expect(redactor.text("a project-id:token-12345 b project-id")).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it("gives each list of secrets its own patterns, however many redactors were built before", () => {
    const alpha = createSecretsRedactor(["alpha-secret-1"]);
    const beta = createSecretsRedactor(["beta-secret-22"]);
    expect(alpha.text("alpha-secret-1 beta-secret-22")).toBe(`${REDACTED} beta-secret-22`);
    expect(beta.text("alpha-secret-1 beta-secret-22")).toBe(`alpha-secret-1 ${REDACTED}`);
  });

  it("reads + as a space when any one secret holds a space", () => {
    const redactor = createSecretsRedactor(["a secret value", "another-secret"]);
    expect(redactor.text("q=a+secret+value")).toBe(`q=${REDACTED}`);
  });

  it("holds no number for secrets that are not numbers, not even NaN", () => {
    expect(createSecretsRedactor(["not-a-number"]).numberHoldsSecret(Number.NaN)).toBe(false);
  });

  it("drops a beginning of a secret that starts the kept text, and one after a long run of other text", () => {
    const redactor = createSecretsRedactor(["SECRETVALUE123"]);
    expect(redactor.cut("SECRETVALUE12 more", 10)).toEqual({ text: "", cut: true });
    const long = "x".repeat(200);
    expect(redactor.cut(`${long}SECRETVALUE12 more`, 205)).toEqual({ text: long, cut: true });
  });

  it("never cuts between the halves of a surrogate pair", () => {
    const redactor = createSecretsRedactor(["SECRETVALUE123"]);
    expect(redactor.cut("ab😀cd", 3)).toEqual({ text: "ab", cut: true });
    expect(redactor.cut("ab😀cd", 4)).toEqual({ text: "ab😀", cut: true });
  });
});

describe("a secrets redactor's lists", () => {
  const percent = (text: string) => [...Buffer.from(text)].map((b) => `%${b.toString(16)}`).join("");

  it("redacts every escaped spelling in a text, not only the first", () => {
    const redactor = createSecretsRedactor(["s3cret-token"]);
    expect(redactor.text(`a ${percent("s3cret-token")} b s3cret%2dtoken c`)).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it("matches a secret of base64 text by its letters as they are, and one also listed in full in every spelling", () => {
    const secret = "QWxhZGRpbjpvcGVu";
    const asIs = createSecretsRedactor([], [secret]);
    const both = createSecretsRedactor([secret], [secret]);
    const full = createSecretsRedactor([secret]);
    const text = `a ${secret} b ${percent(secret)} c`;
    expect(asIs.text(text)).toBe(`a ${REDACTED} b ${percent(secret)} c`);
    expect(both.text(text)).toBe(`a ${REDACTED} b ${REDACTED} c`);
    expect(full.text(text)).toBe(`a ${REDACTED} b ${REDACTED} c`);
    expect(createSecretsRedactor([], [secret]).text(text)).toBe(`a ${REDACTED} b ${percent(secret)} c`);
  });

  it("redacts no text but its own secrets", () => {
    expect(createSecretsRedactor(["abcdefgh"]).text("Stryker was here, abcdefgh")).toBe(
      `Stryker was here, ${REDACTED}`,
    );
  });

  it("redacts a secret of 1,024 characters (the longest in a pattern) and of 1,025 (walked) in every spelling, in one list", () => {
    const atLimit = `${"k".repeat(1_023)}1`;
    const beyond = `${"m".repeat(1_024)}2`;
    for (const secrets of [[atLimit], [beyond], [atLimit, beyond]]) {
      const redactor = createSecretsRedactor(secrets);
      const text = secrets
        .map((secret) => `<${secret}|${percent(secret)}|\\u00${secret.charCodeAt(0).toString(16)}${secret.slice(1)}>`)
        .join(" ");
      expect(redactor.text(text)).toBe(secrets.map(() => `<${REDACTED}|${REDACTED}|${REDACTED}>`).join(" "));
      expect(redactor.text(`a%20b ${"m".repeat(50)}`)).toBe(`a%20b ${"m".repeat(50)}`);
    }
  });

  it("drops at a cut a percent-encoded beginning of a secret longer than the secret itself", () => {
    const redactor = createSecretsRedactor(["SECRETVALUE123"]);
    const beginning = percent("SECRETVALUE1");
    expect(redactor.cut(`ab ${beginning} tail`, 3 + beginning.length)).toEqual({ text: "ab ", cut: true });
    const long = createSecretsRedactor(["L".repeat(1_100)]);
    expect(long.cut(`ab ${percent("L".repeat(500))} tail`, 3 + 1_500)).toEqual({ text: "ab ", cut: true });
  });
});
