// Which items are in the discarded (deleted) form, read from the spec: the union branch marked `x-discarded-form`,
// told apart by the properties it requires that no other branch has (for DiscardedLog: `discarded_at`).
import { schemaExtensions } from "../../generated/operations.js";
import { type UnionBranchShape, unionBranchShapes } from "../../generated/validators.js";

const extensions: Readonly<Record<string, Readonly<Record<string, unknown>>>> = schemaExtensions;
const branches = Object.entries(unionBranchShapes as Readonly<Record<string, UnionBranchShape>>).map(
  ([ref, branch]) => ({ name: ref.slice(ref.lastIndexOf("/") + 1), ...branch }),
);

/** Per discarded form, the properties only it requires. */
const markers: string[][] = branches
  .filter((branch) => extensions[branch.name]?.["x-discarded-form"] === true)
  .map((discarded) => {
    const elsewhere = new Set(branches.filter((other) => other !== discarded).flatMap((other) => other.properties));
    return discarded.required.filter((name) => !elsewhere.has(name));
  })
  .filter((names) => names.length > 0);

/** True for an item in a discarded form the spec marks with `x-discarded-form`. */
export function isDiscardedForm(item: unknown): boolean {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return false;
  return markers.some((names) => names.every((name) => Object.hasOwn(item, name)));
}
