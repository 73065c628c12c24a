// The violations the toolkit states itself (not the schema's): one constructor each, so every caller says them alike.
import type { Redactor } from "../redaction/redactor.ts";
import { shortJson } from "./short-json.ts";
import type { Violation } from "./violation.ts";

/** A status other than the ones expected (or declared, when `declaredFor` names the operation). */
export function statusViolation(
  expected: readonly (number | string)[],
  actual: number | string,
  declaredFor?: string,
): Violation {
  return {
    pointer: "",
    kind: "breaking",
    keyword: "status",
    message: declaredFor
      ? `status ${actual} is not declared for ${declaredFor}`
      : `expected status ${expected.join(" or ")}, got ${actual}`,
    expected: declaredFor ? `one of ${expected.join(", ")}` : expected.join(" or "),
    actual: String(actual),
  };
}

/** A pagination link that would loop, or that is not a URL at all. */
export function paginationViolation(
  message: string,
  next: string,
  redactor: Redactor,
  expected = "a link to another page",
): Violation {
  return {
    pointer: "/links/next",
    kind: "breaking",
    keyword: "pagination",
    message,
    expected,
    actual: shortJson(next, redactor),
  };
}

/** A body the client stopped reading at its `maxBodyBytes`: the server answered, with more than any page should be. */
export function bodyTooLargeViolation(maxBodyBytes: number): Violation {
  return {
    pointer: "",
    kind: "breaking",
    keyword: "size",
    message: `the body is larger than maxBodyBytes (${maxBodyBytes} bytes); the client stopped reading it`,
    expected: `a body of at most ${maxBodyBytes} bytes`,
    actual: `more than ${maxBodyBytes} bytes`,
  };
}

/** A body nested deeper than the validator's stack. */
export function depthViolation(): Violation {
  return {
    pointer: "",
    kind: "breaking",
    keyword: "depth",
    message: "the body is nested too deeply to validate",
    expected: "a body the spec describes",
    actual: "nesting deeper than the validator's stack",
  };
}

/** A 2xx body whose bytes are not UTF-8 (RFC 8259 §8.1): stated, never repaired. */
export function encodingViolation(): Violation {
  return {
    pointer: "",
    kind: "breaking",
    keyword: "encoding",
    message: "the body is not valid UTF-8",
    expected: "UTF-8 text (RFC 8259)",
    actual: "bytes that are not UTF-8",
  };
}

/** A body that is empty or not JSON; its beginning is quoted through `redactor`, which removes secrets before it cuts. */
export function notJsonViolation(text: string, redactor: Redactor): Violation {
  return {
    pointer: "",
    kind: "breaking",
    keyword: "json",
    message: text === "" ? "the body is empty, expected JSON" : "the body is not valid JSON (malformed or truncated)",
    expected: "a JSON document",
    actual: JSON.stringify(redactor.cut(text, 40).text),
  };
}
