// What a recording's credentials are, how its URLs are reported, and the redactor built from thousands of them.
import { describe, expect, it } from "vitest";
import type { HarEntry } from "../../../src/check/har/har-types.ts";
import { entrySecrets, safeUrl } from "../../../src/check/har/recording-secrets.ts";
import { createSecretsRedactor, REDACTED } from "../../../src/redaction/secrets-redactor.ts";
import { harEntry } from "../../helpers/har-recording.ts";

const entry = (spec: Parameters<typeof harEntry>[0]) => harEntry(spec) as unknown as HarEntry;

describe("safeUrl", () => {
  it("replaces the value of every query parameter named like a credential, and keeps the rest as recorded", () => {
    expect(safeUrl("https://h/api/video/logs?page_size=5&api_key=k1&access_token=t1&Signature=s&x=a%20b&auth")).toBe(
      `https://h/api/video/logs?page_size=5&api_key=${REDACTED}&access_token=${REDACTED}&Signature=${REDACTED}&x=a%20b&auth=${REDACTED}`,
    );
  });

  it("replaces password-like values by whole segments of their names, never by a word inside another", () => {
    expect(
      safeUrl("https://h/api/video/logs?pass=p1&db_pass=p2&userPass=p3&pwd=p4&credentials=p5&compass=n&bypass_cache=1"),
    ).toBe(
      `https://h/api/video/logs?pass=${REDACTED}&db_pass=${REDACTED}&userPass=${REDACTED}&pwd=${REDACTED}&credentials=${REDACTED}&compass=n&bypass_cache=1`,
    );
  });

  it("keeps the query parameters the spec declares, such as the page token, which are cursors", () => {
    expect(safeUrl("https://h/api/video/logs?page_token=PT123&page_size=5")).toBe(
      "https://h/api/video/logs?page_token=PT123&page_size=5",
    );
  });

  it("masks userinfo and drops the fragment", () => {
    expect(safeUrl("https://user:p%40ss@h.example/api/video/logs?q=1#access_token=abc")).toBe(
      "https://***@h.example/api/video/logs?q=1",
    );
    expect(safeUrl("not a url user:secret@host")).toBe("***@host");
  });
});

describe("entrySecrets", () => {
  it("collects credential headers, their Basic parts, cookies, userinfo and secret query values", () => {
    const basic = Buffer.from("project-id:the-api-token").toString("base64");
    const { secrets } = entrySecrets(
      entry({
        url: "https://me:pw-123456789@h/api/video/logs?token=tok-123456789&page_token=cursor-123456789",
        requestHeaders: {
          Authorization: `Basic ${basic}`,
          Cookie: "a=cookie-one-123; b=cookie-two-456",
          "X-Api-Key": "key-123456789",
          Accept: "application/json",
        },
        responseHeaders: { "Set-Cookie": "c=cookie-three-789; Path=/", "X-Request-Id": "req-1" },
        json: {},
      }),
    );
    expect(secrets).toEqual(
      expect.arrayContaining([
        `Basic ${basic}`,
        basic,
        "project-id:the-api-token",
        "the-api-token",
        "cookie-one-123",
        "cookie-two-456",
        "cookie-three-789",
        "key-123456789",
        "tok-123456789",
        "pw-123456789",
      ]),
    );
    expect(secrets).not.toEqual(expect.arrayContaining(["application/json"]));
    expect(secrets.some((s) => s.includes("cursor-123456789") || s === "req-1")).toBe(false);
  });

  it("collects the values of password-like query parameters and of secret-named fragment parameters", () => {
    const { secrets } = entrySecrets(
      entry({
        url: "https://h/api/video/logs?pass=pass-value-1&compass=north-by-west&bypass_cache=cache-value-2#token=fragment-token-3&state=state-value-4",
        json: {},
      }),
    );
    expect(secrets).toEqual(expect.arrayContaining(["pass-value-1", "fragment-token-3"]));
    expect(secrets).not.toEqual(expect.arrayContaining(["north-by-west"]));
    expect(secrets).not.toEqual(expect.arrayContaining(["cache-value-2"]));
    expect(secrets).not.toEqual(expect.arrayContaining(["state-value-4"]));
  });
});

describe("createSecretsRedactor", () => {
  const secrets = Array.from({ length: 2000 }, (_, i) => `secret-${i}-${"x".repeat(i % 7)}`);
  const redactor = createSecretsRedactor(secrets);

  // CPU-bound (the pattern of 2000 secrets' spellings): 55 s on a loaded 2-core machine, so it gets longer than 30 s.
  it("redacts each of thousands of secrets, plain or in any spelling, in text with and without escapes", {
    timeout: 120_000,
  }, () => {
    expect(redactor.text(`a ${secrets[1999]} b`)).toBe(`a ${REDACTED} b`);
    expect(redactor.text("q=secret%2D42%2D&x")).toBe(`q=${REDACTED}&x`);
    expect(redactor.text('"\\u0073ecret-7-"')).toBe(`"${REDACTED}"`);
    expect(redactor.text("nothing here")).toBe("nothing here");
  });

  it("takes the longest secret whole when one holds another", () => {
    const nested = createSecretsRedactor(["token-12345678", "project:token-12345678"]);
    expect(nested.text("project:token-12345678 and token-12345678")).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it("redacts a thousand short texts against two thousand secrets in well under a second", () => {
    const started = performance.now();
    for (let i = 0; i < 1000; i++)
      redactor.text(`entry ${i}: GET /api/video/logs?page_size=5 expected number, actual "0.01"`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
