// An observed value that holds a `$ref` key, at any depth: copied into the spec (an enum value, an example), it would
// become a reference that tools reading the spec follow: Prism's mock read a local file (`/etc/passwd`) and fetched a
// URL from one. No proposal ever writes one; the walk is iterative, so no depth can stop it.

import { escapeToken } from "../openapi/json-pointer.ts";

/** The JSON pointer of the first `$ref` key inside `value`, or undefined when it holds none. */
export function refKeyPointer(value: unknown): string | undefined {
  const stack: { node: unknown; pointer: string }[] = [{ node: value, pointer: "" }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    for (const [key, child] of Object.entries(node)) {
      const at = `${pointer}/${escapeToken(key)}`;
      if (key === "$ref") return at;
      stack.push({ node: child, pointer: at });
    }
  }
  return undefined;
}
