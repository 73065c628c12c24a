// Which items may still change, read from the spec: a schema with `x-settled-when` (a field and the value that means
// "finished") names in `x-stable-fields` the fields that are fixed from the start. An item of no such schema (the
// discarded form, for one) never changes.
import { perSpec } from "./active-spec.ts";
import { namedUnionBranches } from "./named-union-branches.ts";

interface SettledRule {
  required: readonly string[];
  field: string;
  equals: unknown;
  stable: string[];
}

const rules = perSpec((spec): SettledRule[] =>
  namedUnionBranches(spec).flatMap((branch) => {
    const extensions = spec.schemaExtensions[branch.name];
    const when = extensions?.["x-settled-when"] as { field?: unknown; equals?: unknown } | undefined;
    const stable = extensions?.["x-stable-fields"];
    if (!when || typeof when.field !== "string" || !Array.isArray(stable)) return [];
    return [{ required: branch.required, field: when.field, equals: when.equals, stable: stable.map(String) }];
  }),
);

/**
 * The fields of an item that must be the same wherever it is read: every field of a settled item (or of one the spec
 * says nothing about), only the stable fields of an item that may still change.
 */
export function comparableFields(item: Record<string, unknown>): { settled: boolean; fields: string[] } {
  const rule = rules().find((candidate) => candidate.required.every((name) => Object.hasOwn(item, name)));
  if (!rule || item[rule.field] === rule.equals) return { settled: true, fields: Object.keys(item) };
  return { settled: false, fields: rule.stable };
}
