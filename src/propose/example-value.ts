// A value the server sent, made fit to quote in a proposal's description: secrets withheld by property name,
// credentials redacted, strings and structure cut short. Never recurses or copies past its bounds. (A response
// example is bounded-example.ts's.)
import type { Redactor } from "../redaction/redactor.ts";
import { suggestsSecret } from "../redaction/secret-name.ts";
import { shortJson } from "../validation/short-json.ts";

/** What stands in for the value of a property whose name suggests a secret. */
export const WITHHELD = "[withheld]";

/** The longest example quoted in a description, in characters. */
const EXAMPLE_LENGTH = 60;
/**
 * Bounds of the copy an example is rendered from: deeper or further entries are dropped. Every level the rendering
 * opens writes a character, so a container emptied at MAX_DEPTH is never shown: the rendering ends with … before it.
 */
const MAX_DEPTH = EXAMPLE_LENGTH;
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
export function placeholderFor(value: unknown): unknown {
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
