// The violations the toolkit states itself, each whole: what every caller reports alike.
import { describe, expect, it } from "vitest";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import { parseJsonBody } from "../../src/validation/parse-json-body.ts";
import {
  bodyTooLargeViolation,
  depthViolation,
  encodingViolation,
  notJsonViolation,
  paginationViolation,
  statusViolation,
} from "../../src/validation/violation-factory.ts";

describe("the violations the toolkit states itself", () => {
  it("an unexpected status names the ones expected, joined by or", () => {
    expect(statusViolation([200, "400"], 404)).toEqual({
      pointer: "",
      kind: "breaking",
      keyword: "status",
      message: "expected status 200 or 400, got 404",
      expected: "200 or 400",
      actual: "404",
    });
  });

  it("an undeclared status names the operation and the statuses it declares", () => {
    expect(statusViolation(["200", "404"], 418, "get_log")).toEqual({
      pointer: "",
      kind: "breaking",
      keyword: "status",
      message: "status 418 is not declared for get_log",
      expected: "one of 200, 404",
      actual: "418",
    });
  });

  it("a pagination link: its message, a link to another page expected unless said otherwise, the link quoted", () => {
    expect(paginationViolation("the next link loops", "/p1", NO_SECRETS)).toEqual({
      pointer: "/links/next",
      kind: "breaking",
      keyword: "pagination",
      message: "the next link loops",
      expected: "a link to another page",
      actual: '"/p1"',
    });
    expect(
      paginationViolation("not a URL", "s3cr3t-token-value", createSecretsRedactor(["s3cr3t-token-value"]), "a URL"),
    ).toEqual({
      pointer: "/links/next",
      kind: "breaking",
      keyword: "pagination",
      message: "not a URL",
      expected: "a URL",
      actual: '"[REDACTED]"',
    });
  });

  it("a body larger than maxBodyBytes, a body nested too deeply, a body not UTF-8", () => {
    expect(bodyTooLargeViolation(1024)).toEqual({
      pointer: "",
      kind: "breaking",
      keyword: "size",
      message: "the body is larger than maxBodyBytes (1024 bytes); the client stopped reading it",
      expected: "a body of at most 1024 bytes",
      actual: "more than 1024 bytes",
    });
    expect(depthViolation()).toEqual({
      pointer: "",
      kind: "breaking",
      keyword: "depth",
      message: "the body is nested too deeply to validate",
      expected: "a body the spec describes",
      actual: "nesting deeper than the validator's stack",
    });
    expect(encodingViolation()).toEqual({
      pointer: "",
      kind: "breaking",
      keyword: "encoding",
      message: "the body is not valid UTF-8",
      expected: "UTF-8 text (RFC 8259)",
      actual: "bytes that are not UTF-8",
    });
  });
});

describe("parseJsonBody", () => {
  it("parses JSON", () => {
    expect(parseJsonBody('{"a":[1]}', NO_SECRETS)).toEqual({ ok: true, body: { a: [1] } });
  });

  it("says an empty body is empty, and quotes the first 40 characters of one that is not JSON, secrets removed", () => {
    const notJson = (actual: string, message = "the body is not valid JSON (malformed or truncated)") => ({
      ok: false,
      violation: { pointer: "", kind: "breaking", keyword: "json", message, expected: "a JSON document", actual },
    });
    expect(parseJsonBody("", NO_SECRETS)).toEqual(notJson('""', "the body is empty, expected JSON"));
    expect(parseJsonBody(`<html>${"x".repeat(100)}`, NO_SECRETS)).toEqual(
      notJson(JSON.stringify(`<html>${"x".repeat(34)}`)),
    );
    const redactor = createSecretsRedactor(["s3cr3t-token-value"]);
    expect(parseJsonBody("token s3cr3t-token-value\n", redactor)).toEqual(notJson('"token [REDACTED]\\n"'));
    expect(notJsonViolation("{", NO_SECRETS).actual).toBe('"{"');
  });
});
