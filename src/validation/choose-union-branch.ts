// The branch rule: which branch of a failed union of object schemas explains a value. Only the union's own level counts.
import type { UnionBranch } from "../../generated/validators-detailed.js";

/** What a value shows at the union's own level against one branch; nothing deeper is looked at. */
export interface BranchEvidence {
  /** Properties the value has that the branch declares. */
  present: number;
  /** Properties the branch requires that the value lacks. */
  missing: number;
  /** Properties the value has that the branch does not declare. */
  undeclared: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The evidence of one branch; a value that is not an object has none for any branch. */
export function branchEvidence(value: unknown, branch: Pick<UnionBranch, "required" | "properties">): BranchEvidence {
  if (!isPlainObject(value)) return { present: 0, missing: 0, undeclared: 0 };
  let missing = 0;
  for (const name of branch.required) if (!Object.hasOwn(value, name)) missing++;
  const declared = new Set(branch.properties);
  let present = 0;
  let undeclared = 0;
  for (const name in value) {
    if (!Object.hasOwn(value, name)) continue;
    if (declared.has(name)) present++;
    else undeclared++;
  }
  return { present, missing, undeclared };
}

/**
 * Negative when `a` explains the value better than `b` (see chooseUnionBranch). No third rule on undeclared properties:
 * present and undeclared add up to the value's own properties, so with present tied, undeclared is tied too.
 */
function compareEvidence(a: BranchEvidence, b: BranchEvidence): number {
  const score = (evidence: BranchEvidence) => evidence.present - evidence.missing;
  return score(b) - score(a) || a.missing - b.missing;
}

/**
 * The index of the branch that explains `value`, as a person reading it would pick: the most properties the branch
 * declares present at the union's level, less the required ones missing (the value's own properties being the same
 * for every branch, that is also the fewest properties missing or undeclared: the fewest to add or remove for the
 * value to fit); then the fewest required properties missing (and so the fewest undeclared); on a tie, the branch
 * declared first in the union. A log of an older shape with 8 of Log's properties and 4 missing is a Log missing 4,
 * not a DiscardedLog missing 1 with 7 undeclared; a deleted log that also carries two of Log's fields is a
 * DiscardedLog with 2 undeclared, not a Log missing 8. What lies inside the value's properties (their types, their own
 * unknown keys, array lengths) never decides.
 */
export function chooseUnionBranch(
  value: unknown,
  branches: readonly Pick<UnionBranch, "required" | "properties">[],
): number {
  let best = 0;
  let bestEvidence: BranchEvidence | undefined;
  branches.forEach((branch, index) => {
    const evidence = branchEvidence(value, branch);
    if (!bestEvidence || compareEvidence(evidence, bestEvidence) < 0) {
      best = index;
      bestEvidence = evidence;
    }
  });
  return best;
}
