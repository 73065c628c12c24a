// A finding: the check a violation the client states belongs to, and a behaviour finding's fields.
import { describe, expect, it } from "vitest";
import { behaviourFinding, checkOfViolation, foundBy } from "../../src/findings/finding.ts";
import { createSecretsRedactor } from "../../src/redaction/secrets-redactor.ts";
import type { Violation } from "../../src/validation/violation.ts";

const violation = (keyword: string): Violation => ({
  kind: "breaking",
  keyword,
  pointer: "/links/next",
  message: "m",
  expected: "e",
  actual: "a",
});

describe("checkOfViolation", () => {
  it.each([
    ["status", "status-code"],
    ["pagination", "pagination-integrity"],
    ["type", "response-schema"],
    ["required", "response-schema"],
    ["", "response-schema"],
  ])("names the check of a violation with keyword %j: %s", (keyword, check) => {
    expect(checkOfViolation(violation(keyword))).toBe(check);
  });
});

describe("foundBy", () => {
  it("is the violation with its check", () => {
    expect(foundBy("content-type", violation("type"))).toEqual({ ...violation("type"), check: "content-type" });
  });
});

describe("behaviourFinding", () => {
  const redactor = createSecretsRedactor(["secret-token-1"]);

  it("is a breaking finding whose actual string is redacted, then cut at 120 characters", () => {
    const actual = `secret-token-1 ${"x".repeat(200)}`;
    expect(
      behaviourFinding("parameters-honoured", "page_size", "/data", "too many", "at most 5", actual, redactor),
    ).toEqual({
      check: "parameters-honoured",
      kind: "breaking",
      keyword: "page_size",
      pointer: "/data",
      message: "too many",
      expected: "at most 5",
      actual: `[REDACTED] ${"x".repeat(109)}`,
    });
  });

  it("writes any other actual value as short JSON, redacted", () => {
    const finding = behaviourFinding(
      "pagination-integrity",
      "k",
      "/p",
      "m",
      "e",
      { id: "secret-token-1", n: 3 },
      redactor,
    );
    expect(finding.actual).toBe('{"id":"[REDACTED]","n":3}');
  });
});
