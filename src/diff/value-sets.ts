// Set arithmetic on JSON values (enum values, type names, formats), where `undefined` stands for "anything".

/** How theirs relates to ours: accepts the same values, more (wider), fewer (narrower) or an overlapping other set. */
export type Relation = "same" | "wider" | "narrower" | "different";

export function valueKey(value: unknown): string {
  return JSON.stringify(value);
}

export function relateSets(ours: readonly unknown[] | undefined, theirs: readonly unknown[] | undefined): Relation {
  if (ours === undefined) return theirs === undefined ? "same" : "narrower";
  if (theirs === undefined) return "wider";
  const theirsHasAllOurs = missingFrom(ours, theirs).length === 0;
  const oursHasAllTheirs = missingFrom(theirs, ours).length === 0;
  if (theirsHasAllOurs && oursHasAllTheirs) return "same";
  if (theirsHasAllOurs) return "wider";
  if (oursHasAllTheirs) return "narrower";
  return "different";
}

// Each operation keys the values once, in a Set: linear in the values, since a document may list many thousands.
const keysOf = (values: readonly unknown[]) => new Set(values.map(valueKey));

/** Values of `values` that `other` lacks. */
export function missingFrom<T>(values: readonly T[], other: readonly unknown[]): T[] {
  const keys = keysOf(other);
  return values.filter((value) => !keys.has(valueKey(value)));
}

export function unionOfValues<T>(lists: ReadonlyArray<readonly T[]>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const value of lists.flat()) {
    const key = valueKey(value);
    if (!seen.has(key)) out.push(value);
    seen.add(key);
  }
  return out;
}

/** Intersection where `undefined` means "anything". */
export function intersectOptional<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b];
  if (b === undefined) return [...a];
  const keys = keysOf(b);
  return a.filter((value) => keys.has(valueKey(value)));
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
