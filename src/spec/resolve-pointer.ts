/** Follows a local `#/...` reference (a JSON pointer) inside a document; throws when it leads nowhere. */
export function resolvePointer(doc: unknown, ref: string): any {
  if (!ref.startsWith("#/")) throw new Error(`only local references are supported, got ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((node: any, key) => {
      if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`unresolvable reference ${ref}`);
      return node[key];
    }, doc);
}
