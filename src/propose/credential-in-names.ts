// Whether a server reflected a credential as a property name anywhere inside a value: such names would be copied
// into a proposal's schema (`properties`, `required`) and example, so the value's shape is never proposed.
import type { Redactor } from "../redaction/redactor.ts";

/** As deep as a shape is inferred (inferred-shape.ts): names below it are never written. */
const MAX_DEPTH = 32;

export function credentialInNames(value: unknown, redactor: Redactor, depth = 0): boolean {
  if (value === null || typeof value !== "object" || depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => credentialInNames(item, redactor, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (redactor.text(key) !== key || credentialInNames((value as Record<string, unknown>)[key], redactor, depth + 1))
      return true;
  }
  return false;
}
