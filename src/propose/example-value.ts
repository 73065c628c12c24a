// A value the server sent, made fit to quote in a proposal: secrets withheld by property name, credentials redacted,
// strings and structure cut short. Never recurses or copies past its bounds.
import type { Redactor } from "../redaction/redactor.ts";
import { suggestsSecret } from "../redaction/secret-name.ts";
import { shortJson } from "../validation/short-json.ts";
import { defuseRef } from "./unappliable-text.ts";

/** What stands in for the value of a property whose name suggests a secret. */
export const WITHHELD = "[withheld]";

/** The longest example quoted in a description, in characters. */
const EXAMPLE_LENGTH = 60;
/** Bounds of the copy an example is rendered from: deeper or further entries are dropped (the rendering is cut anyway). */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 16;

/** A bounded copy of a value with every secret-named property's value replaced by a placeholder of the same type. */
export function withoutSecrets(value: unknown, secret = false, depth = 0): unknown {
  if (secret) return placeholderFor(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? [] : {};
  if (Array.isArray(value)) return value.slice(0, MAX_ENTRIES).map((item) => withoutSecrets(item, false, depth + 1));
  const copy: Record<string, unknown> = {};
  let entries = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (++entries > MAX_ENTRIES) break;
    copy[key] = withoutSecrets((value as Record<string, unknown>)[key], suggestsSecret(key), depth + 1);
  }
  return copy;
}

/** A value of the same JSON type that says nothing: a secret's structure may stay, its content may not. */
function placeholderFor(value: unknown): unknown {
  if (typeof value === "string") return WITHHELD;
  if (typeof value === "number") return 0;
  if (typeof value === "boolean") return false;
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === "object") return {};
  return value;
}

/** The example as one short line of JSON: secrets withheld, credentials redacted, cut at 60 characters. */
export function renderExample(value: unknown, secret: boolean, redactor: Redactor): string {
  return shortJson(withoutSecrets(value, secret), redactor, EXAMPLE_LENGTH);
}

/** The longest string kept in a proposed response example. */
const EXAMPLE_STRING_LENGTH = 200;
/** Matches the depth to which a new response's schema is inferred (inferred-shape.ts). */
const EXAMPLE_DEPTH = 32;

/**
 * An observed body as a response example for the spec: every value of a secret-named property replaced by a
 * placeholder of its type, every string redacted and cut, every number that spells a credential written 0, and `$ref:` written `$ref%3A` (see unappliable-text.ts). It keeps the body's structure, so it stays valid for the
 * schema inferred from it (which infers no format or enum from secrets).
 */
export function exampleBody(value: unknown, redactor: Redactor, secret = false, depth = 0): unknown {
  if (secret) return placeholderFor(value);
  if (typeof value === "string") return defuseRef(redactor.cut(value, EXAMPLE_STRING_LENGTH).text);
  // A number that spells a credential (a digits-only token echoed as a number) becomes 0, of the same JSON type.
  if (typeof value === "number" && redactor.numberHoldsSecret(value)) return 0;
  if (value === null || typeof value !== "object") return value;
  if (depth >= EXAMPLE_DEPTH) return Array.isArray(value) ? [] : {};
  if (Array.isArray(value)) return value.map((item) => exampleBody(item, redactor, false, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key))
      copy[key] = exampleBody((value as Record<string, unknown>)[key], redactor, suggestsSecret(key), depth + 1);
  }
  return copy;
}
