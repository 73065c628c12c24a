// The page shape iterateLogs relies on, checked in every validation mode (`off` skips the schema, not this).
import type { Redactor } from "../redaction/redactor.ts";
import { shortJson } from "./short-json.ts";
import type { Violation } from "./violation.ts";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function shapeViolation(pointer: string, expected: string, value: unknown, redactor: Redactor): Violation {
  return {
    pointer,
    kind: "breaking",
    keyword: "type",
    message: `expected ${expected} to iterate the pages, got ${value === undefined ? "nothing" : shortJson(value, redactor)}`,
    expected,
    actual: shortJson(value, redactor),
  };
}

/**
 * Why a list page cannot be iterated, or undefined when it can: it must be an object with a `data` array, and its
 * optional `links` an object whose optional `next` is a string (absent or null means the last page).
 */
export function listPageShapeViolation(page: unknown, redactor: Redactor): Violation | undefined {
  if (!isPlainObject(page)) return shapeViolation("", "an object", page, redactor);
  if (!Array.isArray(page.data)) return shapeViolation("/data", "an array", page.data, redactor);
  const links = page.links;
  if (links === undefined || links === null) return undefined;
  if (!isPlainObject(links)) return shapeViolation("/links", "an object", links, redactor);
  const next = links.next;
  if (next !== undefined && next !== null && typeof next !== "string")
    return shapeViolation("/links/next", "a string", next, redactor);
  return undefined;
}
