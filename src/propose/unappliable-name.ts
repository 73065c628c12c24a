// Property names openapi-format (the Overlay tool the proposals are tested with) cannot carry into the patched spec:
// `__proto__`, which its deep merge assigns onto Object.prototype (the new schema's keywords then appear in every
// object it writes), and a name holding `$ref`, which it drops together with the schema that holds it (or, followed by
// a colon, rewrites so that the whole overlay is lost; see unappliable-text.ts). A proposal
// lists such a name under x-not-proposed instead of writing an action that would break the spec or silently vanish.

/** Why `name` cannot be proposed as a property name, or undefined when it can. */
export function unappliableName(name: string): string | undefined {
  if (name === "__proto__") return "openapi-format's merge would write it onto Object.prototype and corrupt the spec";
  if (name.includes("$ref")) return "openapi-format drops or rewrites a property whose name holds $ref";
  return undefined;
}

/** A name as a reason quotes it: JSON-quoted, cut to 80 characters. */
export const quotedName = (name: string) => JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
