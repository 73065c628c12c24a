// Which items are in the discarded (deleted) form, read from the spec: the union branch marked `x-discarded-form`,
// told apart by the properties it requires that no other branch has (for DiscardedLog: `discarded_at`).
import { perSpec } from "./active-spec.ts";
import { namedUnionBranches } from "./named-union-branches.ts";

/** Per discarded form, the properties only it requires. */
const markers = perSpec((spec): string[][] => {
  const branches = namedUnionBranches(spec);
  return branches
    .filter((branch) => spec.schemaExtensions[branch.name]?.["x-discarded-form"] === true)
    .map((discarded) => {
      const elsewhere = new Set(branches.filter((other) => other !== discarded).flatMap((other) => other.properties));
      return discarded.required.filter((name) => !elsewhere.has(name));
    })
    .filter((names) => names.length > 0);
});

/** True for an item in a discarded form the spec marks with `x-discarded-form`. */
export function isDiscardedForm(item: unknown): boolean {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return false;
  return markers().some((names) => names.every((name) => Object.hasOwn(item, name)));
}
