// Which names mark a secret: fragments anywhere in a name, and words only as a whole segment of one.
import { describe, expect, it } from "vitest";
import { nameSegments, SECRET_WORDS, suggestsSecret } from "../../src/redaction/secret-name.ts";

describe("nameSegments", () => {
  it.each([
    ["db_pass", ["db", "pass"]],
    ["user-pass.word", ["user", "pass", "word"]],
    ["userPass", ["user", "pass"]],
    ["HTTPPassword", ["http", "password"]],
    ["X-Proxy-Pwd", ["x", "proxy", "pwd"]],
    ["api2Credentials", ["api2", "credentials"]],
    ["compass", ["compass"]],
    ["bypass_cache", ["bypass", "cache"]],
    ["__pass__", ["pass"]],
  ])("splits %j into %j", (name, segments) => {
    expect(nameSegments(name)).toEqual(segments);
  });
});

describe("suggestsSecret", () => {
  it.each([
    ...[...SECRET_WORDS].flatMap((word) => [word, word.toUpperCase(), `db_${word}`, `x-${word}`, `proxy.${word}`]),
    "userPass",
    "proxyPasswd",
    "MyCredentials",
    "newpassword",
    "access_token",
    "api_key",
    "Authorization",
    "x-signature",
  ])("%j names a secret", (name) => {
    expect(suggestsSecret(name)).toBe(true);
  });

  it.each(["compass", "bypass_cache", "passage", "passenger", "overpass", "impassable", "page_size", "status", "cwd"])(
    "%j does not: a word of the list inside another word is no secret",
    (name) => {
      expect(suggestsSecret(name)).toBe(false);
    },
  );
});
