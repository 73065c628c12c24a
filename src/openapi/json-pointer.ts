// JSON pointers (RFC 6901): one implementation for response bodies, `$ref`s and diff locations.

/** Escapes one reference token: "~" becomes "~0" and "/" becomes "~1". */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Unescapes one reference token: "~1" becomes "/" and "~0" becomes "~". */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The unescaped tokens of a pointer ("" → [], "/a~1b/0" → ["a/b", "0"]). */
export function pointerTokens(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeToken);
}

/** The value a pointer ("" or "/a/0/b") names inside `root`, or undefined when there is none. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Follows a local `#/...` reference inside a document; throws when it leads nowhere. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only local references are supported, got ${ref}`);
  let node: unknown = doc;
  for (const token of pointerTokens(ref.slice(1))) {
    if (node === null || typeof node !== "object" || !(token in node)) throw new Error(`unresolvable reference ${ref}`);
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
