// The one `$ref` resolver: follows local references inside a parsed document, refusing cycles instead of hanging.
import { resolvePointer } from "./json-pointer.ts";

/** A node of a document together with the pointer (without "#") of where it is written. */
export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

/** A `$ref` that cannot be followed: it names nothing, points outside the document, or closes a cycle. */
export class RefError extends Error {
  override name = "RefError";
  constructor(
    /** The reference as written. */
    readonly ref: string,
    /** Pointer of the node that holds the reference ("" is the document root). */
    readonly at: string,
    readonly reason: "unresolvable" | "circular",
    detail: string,
  ) {
    super(
      `${reason === "circular" ? "circular" : "cannot resolve"} $ref "${ref}" at ${at || "/"}${detail ? ` (${detail})` : ""}`,
    );
  }
}

/** Turns a local `$ref` ("#/components/schemas/Log") into the pointer it names ("/components/schemas/Log"). */
export function refToPointer(ref: string): string {
  return ref.startsWith("#") ? ref.slice(1) : ref;
}

/** The node one `$ref` names; `at` is the pointer of the node holding the reference, for the message. */
export function lookupRef(doc: unknown, ref: string, at: string): unknown {
  try {
    return resolvePointer(doc, ref);
  } catch (error) {
    throw new RefError(ref, at, "unresolvable", error instanceof Error ? error.message : String(error));
  }
}

const refOf = (node: unknown): string | undefined => {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const ref = (node as { $ref?: unknown }).$ref;
  return typeof ref === "string" ? ref : undefined;
};

/**
 * Follows a chain of `$ref`s (parameters, responses, examples, path items) to the node it ends at, with the pointer
 * of that node. A chain that comes back to a reference it already followed (A→B→A) throws a RefError.
 */
export function followRefs<T = unknown>(doc: unknown, node: unknown, pointer: string): Located<T> {
  let current: Located = { value: node, pointer };
  const seen = new Set<string>();
  for (let ref = refOf(current.value); ref !== undefined; ref = refOf(current.value)) {
    if (seen.has(ref)) throw new RefError(ref, current.pointer, "circular", "");
    seen.add(ref);
    current = { value: lookupRef(doc, ref, current.pointer), pointer: refToPointer(ref) };
  }
  return current as Located<T>;
}
