// The object schemas that are branches of a union, by component name: what the spec's `x-` meanings of an item's form
// (discarded-form.ts, settled-form.ts) are read against.
import type { SpecTables } from "./active-spec.ts";

export interface NamedUnionBranch {
  /** The component's name: `Log` for `…#/$defs/Log`. */
  name: string;
  required: readonly string[];
  properties: readonly string[];
}

export function namedUnionBranches(spec: SpecTables): NamedUnionBranch[] {
  return Object.entries(spec.unionBranchShapes).map(([ref, branch]) => ({
    name: ref.slice(ref.lastIndexOf("/") + 1),
    ...branch,
  }));
}
