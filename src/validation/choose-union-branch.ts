// The branch rule: which branch of a failed union of object schemas explains a value. Only the union's own level counts.
import type { UnionBranch } from "../../generated/validators-detailed.js";

/** What a value shows at the union's own level against one branch; nothing deeper is looked at. */
export interface BranchEvidence {
  /** Properties the branch requires that the value lacks. */
  missing: number;
  /** Properties the value has that the branch does not declare. */
  undeclared: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Required properties of the branch that the object lacks. */
function missingOf(value: Record<string, unknown>, branch: Pick<UnionBranch, "required">): number {
  let missing = 0;
  for (const name of branch.required) if (!Object.hasOwn(value, name)) missing++;
  return missing;
}

/** The evidence of one branch; a value that is not an object has none for any branch. */
export function branchEvidence(value: unknown, branch: Pick<UnionBranch, "required" | "properties">): BranchEvidence {
  if (!isPlainObject(value)) return { missing: 0, undeclared: 0 };
  const declared = new Set(branch.properties);
  let undeclared = 0;
  for (const name in value) if (Object.hasOwn(value, name) && !declared.has(name)) undeclared++;
  return { missing: missingOf(value, branch), undeclared };
}

/**
 * The index of the branch that explains `value`: the fewest required properties missing at the union's level, then
 * the fewest undeclared properties at that level; on a tie, the branch declared first in the union. What lies inside
 * the value's properties (their types, their own unknown keys, array lengths) never decides. Undeclared properties are
 * counted only to break a tie (the coverage walk asks this of every item of a page).
 */
export function chooseUnionBranch(
  value: unknown,
  branches: readonly Pick<UnionBranch, "required" | "properties">[],
): number {
  if (!isPlainObject(value) || branches.length === 0) return 0;
  const missing = branches.map((branch) => missingOf(value, branch));
  const fewest = Math.min(...missing);
  let best = missing.indexOf(fewest);
  if (missing.indexOf(fewest, best + 1) < 0) return best;
  let bestUndeclared = Number.POSITIVE_INFINITY;
  missing.forEach((count, index) => {
    if (count !== fewest) return;
    const { undeclared } = branchEvidence(value, branches[index]!);
    if (undeclared < bestUndeclared) {
      best = index;
      bestUndeclared = undeclared;
    }
  });
  return best;
}
