// A schema whose `type` does not admit the types seen is widened: by the types themselves (null, integer to number)
// at once, or by a union, made only once every change inside the schema is made, since it copies the schema's keywords.
import type { ActionDraft } from "./action-draft.ts";
import type { Evidence } from "./evidence.ts";
import { childPointer } from "./json-path.ts";
import { type JsonType, TYPE_ORDER } from "./json-type.ts";

/** Keywords that hold for a value of any type; they stay where they are when a schema becomes a union. */
const TYPE_NEUTRAL = new Set([
  "description",
  "title",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "default",
  "$comment",
  "enum",
  "const",
]);

/** A union to make once every change inside its schema is made. */
export interface PendingUnion {
  pointer: string;
  added: string[];
  seen: ReadonlyMap<JsonType, Evidence>;
}

/** How a schema's `type` is widened: by the types themselves (null, integer to number), or by a union. */
function typeWidening(
  declaredType: unknown,
  seen: ReadonlyMap<JsonType, Evidence>,
): { type: string[] } | { union: string[] } {
  const declared = [declaredType].flat() as string[];
  const own = declared.filter((type) => type !== "null");
  // A fraction where integers were declared makes it a number, still one type.
  const numeric = own.map((type) => (type === "integer" && seen.has("number") ? "number" : type));
  const added = TYPE_ORDER.filter(
    (type) =>
      type !== "null" &&
      seen.has(type) &&
      !numeric.includes(type) &&
      !(type === "integer" && numeric.includes("number")),
  );
  const nullAdded = seen.has("null") && !declared.includes("null");
  if (added.length === 0) return { type: declared.includes("null") || nullAdded ? [...numeric, "null"] : numeric };
  return { union: [...added, ...(nullAdded ? ["null"] : [])] };
}

const typeEvidence = (seen: ReadonlyMap<JsonType, Evidence>) =>
  TYPE_ORDER.filter((type) => seen.has(type))
    .map((type) => `As ${type}: ${seen.get(type)!.describe()}`)
    .join(" ");

/** Widens `type` where the types themselves can say it; a union is not made here, but returned to be made later. */
export function widenType(
  draft: ActionDraft,
  pointer: string,
  seen: ReadonlyMap<JsonType, Evidence> | undefined,
): PendingUnion | undefined {
  if (!seen) return undefined;
  const widening = typeWidening(draft.working.at(pointer).type, seen);
  if ("union" in widening) return { pointer, added: widening.union, seen };
  const { type } = widening;
  const summary = `Widen \`type\` to ${type.join(", ")}.`;
  const evidence = typeEvidence(seen);
  draft.remove(childPointer(pointer, "type"), `${summary} Step 1 of 2: remove the old \`type\`. ${evidence}`);
  draft.update(pointer, `${summary} Step 2 of 2: write the new \`type\`. ${evidence}`, {
    type: type.length === 1 ? type[0]! : type,
  });
  return undefined;
}

/** ajv's strict mode forbids `type: [A, B]`: the schema's type-specific keywords become the first branch of an anyOf. */
export function makeUnion(draft: ActionDraft, { pointer, added, seen }: PendingUnion): void {
  const schema = draft.working.at(pointer);
  const moved = Object.keys(schema).filter((keyword) => !TYPE_NEUTRAL.has(keyword) && !keyword.startsWith("x-"));
  const anyOf = [
    Object.fromEntries(moved.map((keyword) => [keyword, schema[keyword]])),
    ...added.map((type) => ({ type })),
  ];
  const summary = `Widen the type with ${added.join(", ")}: the schema's own keywords become the first branch of an \`anyOf\`, each new type a branch.`;
  const evidence = typeEvidence(seen);
  const steps = moved.length + 1;
  for (const [index, keyword] of moved.entries()) {
    draft.remove(
      childPointer(pointer, keyword),
      `${summary} Step ${index + 1} of ${steps}: remove \`${keyword}\`. ${evidence}`,
    );
  }
  draft.update(pointer, `${summary} Step ${steps} of ${steps}: write the \`anyOf\`. ${evidence}`, { anyOf });
}
