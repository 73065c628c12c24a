// A response body as JSON, or the violation that says why it is not.
import type { Redactor } from "../redaction/redactor.ts";
import type { Violation } from "./violation.ts";
import { notJsonViolation } from "./violation-factory.ts";

export type ParsedBody = { ok: true; body: unknown } | { ok: false; violation: Violation };

export function parseJsonBody(text: string, redactor: Redactor): ParsedBody {
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, violation: notJsonViolation(text, redactor) };
  }
}
