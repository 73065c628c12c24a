// Set arithmetic on JSON values (enum values, type names, formats), where `undefined` stands for "anything".

/** How theirs relates to ours: accepts the same values, more (wider), fewer (narrower) or an overlapping other set. */
export type Relation = "same" | "wider" | "narrower" | "different";

export function valueKey(value: unknown): string {
  return JSON.stringify(value);
}

export function relateSets(ours: readonly unknown[] | undefined, theirs: readonly unknown[] | undefined): Relation {
  if (ours === undefined) return theirs === undefined ? "same" : "narrower";
  if (theirs === undefined) return "wider";
  const theirsHasAllOurs = ours.every((value) => includesValue(theirs, value));
  const oursHasAllTheirs = theirs.every((value) => includesValue(ours, value));
  if (theirsHasAllOurs && oursHasAllTheirs) return "same";
  if (theirsHasAllOurs) return "wider";
  if (oursHasAllTheirs) return "narrower";
  return "different";
}

export function includesValue(values: readonly unknown[], value: unknown): boolean {
  const key = valueKey(value);
  return values.some((candidate) => valueKey(candidate) === key);
}

/** Values of `values` that `other` lacks. */
export function missingFrom<T>(values: readonly T[], other: readonly unknown[]): T[] {
  return values.filter((value) => !includesValue(other, value));
}

export function unionOfValues<T>(lists: ReadonlyArray<readonly T[]>): T[] {
  const out: T[] = [];
  for (const value of lists.flat()) if (!includesValue(out, value)) out.push(value);
  return out;
}

/** Intersection where `undefined` means "anything". */
export function intersectOptional<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b];
  if (b === undefined) return [...a];
  return a.filter((value) => includesValue(b, value));
}

/** Readable list of values: `"a", "b"`. */
export function showValues(values: readonly unknown[]): string {
  return values.map(valueKey).join(", ");
}

/** Readable list of alternatives: `date | date-time`, or `any` when unconstrained. */
export function showAlternatives(values: readonly string[] | undefined): string {
  if (values === undefined) return "any";
  return values.length === 0 ? "none" : values.join(" | ");
}
