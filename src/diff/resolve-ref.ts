// Follows local `$ref`s, turning unresolvable or circular ones into DocumentErrors instead of crashes or hangs.
import { resolvePointer } from "../openapi/json-pointer.ts";
import { DocumentError, isJsonObject, type LoadedDocument } from "./load-document.ts";
import { refToPointer } from "./pointer.ts";

/** A node of the document together with the pointer of where it is written. */
export interface Located {
  value: unknown;
  pointer: string;
}

/** The node a `$ref` names; `at` is the pointer of the node holding the reference, for the message. */
export function lookupRef(source: LoadedDocument, ref: string, at: string): unknown {
  try {
    return resolvePointer(source.doc, ref);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocumentError(source.side, `${source.side} document "${source.label}": cannot resolve $ref "${ref}" at ${at || "/"} (${reason})`);
  }
}

/** Follows a chain of `$ref`s (as used for parameters, responses and path items) to the node it ends at. */
export function followRefs(source: LoadedDocument, value: unknown, pointer: string): Located {
  let current: Located = { value, pointer };
  const seen = new Set<string>();
  while (isJsonObject(current.value) && typeof current.value.$ref === "string") {
    const ref = current.value.$ref;
    if (seen.has(ref)) {
      throw new DocumentError(source.side, `${source.side} document "${source.label}": circular $ref "${ref}" at ${current.pointer}`);
    }
    seen.add(ref);
    current = { value: lookupRef(source, ref, current.pointer), pointer: refToPointer(ref) };
  }
  return current;
}
