// Compares two normalised schemas structurally and lists how theirs differs from ours.
import { DiffBudget } from "./budget.ts";
import type { Kind } from "./classify.ts";
import {
  VALUE_TYPES as ENUM_VALUE_TYPES,
  enumFor,
  type ValueType,
  valueTypeOf,
  valueTypesOf,
} from "./enums-by-type.ts";
import type { DiffFinding } from "./finding.ts";
import { EVERY_TYPE, type FormatKey, formatsFor } from "./formats-by-type.ts";
import { describeShape, matchVariants } from "./match-variants.ts";
import { anyNode, BOUND_KEYWORDS, isArrayLike, isObjectLike, LOWER_BOUNDS, type SchemaNode } from "./schema-node.ts";
import { missingFrom, type Relation, relateSets, showAlternatives, showValues, valueKey } from "./value-sets.ts";

export interface SchemaScope {
  /** `response` for bodies clients read, `request` for values clients send. */
  context: "response" | "request";
  operation: string;
  /** What the schema is, as "response 200 body" or "query parameter page_size". */
  subject: string;
}

/** Where the walk is: the scope, the field path inside the schema, the list findings go to, and the diff's budget. */
interface Site {
  scope: SchemaScope;
  path: string;
  findings: DiffFinding[];
  budget: DiffBudget;
}

export function compareSchemas(
  ours: SchemaNode,
  theirs: SchemaNode,
  scope: SchemaScope,
  budget = new DiffBudget(),
): DiffFinding[] {
  const findings: DiffFinding[] = [];
  compareNode(ours, theirs, { scope, path: "", findings, budget });
  return findings;
}

const placeOf = (ours: SchemaNode, theirs: SchemaNode) => () => `ours ${ours.pointer} / theirs ${theirs.pointer}`;

function report(site: Site, kind: Kind, change: string, ours: string | null, theirs: string | null): void {
  const subject = site.path ? `${site.scope.subject} field "${site.path}"` : site.scope.subject;
  site.findings.push({
    kind,
    context: site.scope.context,
    operation: site.scope.operation,
    subject,
    change,
    ours,
    theirs,
  });
}

function compareNode(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  site.budget.spend(placeOf(ours, theirs));
  if (ours.recursive || theirs.recursive) return;
  compareNullability(ours, theirs, site);
  if (ours.variants || theirs.variants) {
    compareVariants(ours, theirs, site);
    return;
  }
  if (!compareTypes(ours, theirs, site)) return;
  compareFormats(ours, theirs, site);
  compareEnums(ours, theirs, site);
  compareBounds(ours, theirs, site);
  compareDefaults(ours, theirs, site);
  compareClosedness(ours, theirs, site);
  compareProperties(ours, theirs, site);
  compareItems(ours, theirs, site);
}

function compareNullability(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  if (ours.nullable === theirs.nullable) return;
  if (theirs.nullable) report(site, "became-nullable", "can now be null", ours.pointer, theirs.pointer);
  else report(site, "became-non-nullable", "can no longer be null", ours.pointer, theirs.pointer);
}

/** Returns false when the types have nothing in common, so that nothing below the type is compared. */
function compareTypes(ours: SchemaNode, theirs: SchemaNode, site: Site): boolean {
  const relation = relateTypes(ours.types, theirs.types);
  if (relation === "same") return true;
  const change = `type changed from ${showAlternatives(ours.types)} to ${showAlternatives(theirs.types)}`;
  const kind = relation === "wider" ? "type-widened" : relation === "narrower" ? "type-narrowed" : "type-changed";
  report(site, kind, change, ours.pointer, theirs.pointer);
  return relation !== "different";
}

/**
 * How theirs's types relate to ours, as relateSets with one more inclusion: every integer is a number, so a side
 * declaring `number` accepts what `integer` declares. number → integer narrows, integer → number widens.
 */
function relateTypes(ours: readonly string[] | undefined, theirs: readonly string[] | undefined): Relation {
  if (ours === undefined || theirs === undefined) return relateSets(ours, theirs);
  const accepts = (types: readonly string[], type: string) =>
    types.includes(type) || (type === "integer" && types.includes("number"));
  const theirsHasAllOurs = ours.every((type) => accepts(theirs, type));
  const oursHasAllTheirs = theirs.every((type) => accepts(ours, type));
  if (theirsHasAllOurs && oursHasAllTheirs) return "same";
  if (theirsHasAllOurs) return "wider";
  return oursHasAllTheirs ? "narrower" : "different";
}

/** Formats of the types both sides accept; a type only one side accepts is the type difference, reported above. */
function compareFormats(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  const onlyType = ours.types?.length === 1 && theirs.types?.length === 1;
  for (const type of sharedFormatKeys(ours, theirs)) {
    const [before, after] = [formatsFor(ours.formats, type), formatsFor(theirs.formats, type)];
    const relation = relateSets(before, after);
    if (relation === "same") continue;
    const subject = onlyType || type === EVERY_TYPE ? "format" : `format of ${type}`;
    const change = `${subject} changed from ${showAlternatives(before)} to ${showAlternatives(after)}`;
    const kind =
      relation === "wider" ? "format-widened" : relation === "narrower" ? "format-narrowed" : "format-changed";
    report(site, kind, change, ours.pointer, theirs.pointer);
  }
}

/** The JSON types a value can have, null aside: a type name outside them (a hostile document's) holds no value. */
const VALUE_TYPES = new Set(["array", "boolean", "integer", "number", "object", "string"]);

/**
 * A side that declares no type accepts each type the other declares; when neither does, only EVERY_TYPE is keyed. At
 * most six keys, whatever a `type` array lists.
 */
function sharedFormatKeys(ours: SchemaNode, theirs: SchemaNode): FormatKey[] {
  if (ours.types && theirs.types) {
    const theirTypes = new Set(theirs.types);
    return ours.types.filter((type) => VALUE_TYPES.has(type) && theirTypes.has(type));
  }
  const declared = ours.types ?? theirs.types;
  return declared ? declared.filter((type) => VALUE_TYPES.has(type)) : [EVERY_TYPE];
}

function compareEnums(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  const [before, after] = [ours.enumValues, theirs.enumValues];
  if (before === undefined && after === undefined) return;
  const { introduced, dropped, listed } = enumChangesByType(ours, theirs);
  const ofTypes = (values: readonly unknown[], types: Set<ValueType>) =>
    values.filter((value) => types.has(valueTypeOf(value)));
  if (introduced.size > 0) {
    const values = ofTypes(after ?? [], introduced);
    report(site, "enum-constraint-introduced", `is now limited to ${showValues(values)}`, ours.pointer, theirs.pointer);
  }
  if (dropped.size > 0) {
    const values = ofTypes(before ?? [], dropped);
    report(
      site,
      "enum-constraint-dropped",
      `is no longer limited to ${showValues(values)}`,
      ours.pointer,
      theirs.pointer,
    );
  }
  if (listed.size === 0) return;
  const added = missingFrom(ofTypes(after ?? [], listed), before ?? []);
  const removed = missingFrom(ofTypes(before ?? [], listed), after ?? []);
  if (added.length > 0)
    report(site, "enum-values-added", `gained enum value(s) ${showValues(added)}`, ours.pointer, theirs.pointer);
  if (removed.length > 0)
    report(site, "enum-values-removed", `lost enum value(s) ${showValues(removed)}`, ours.pointer, theirs.pointer);
}

/**
 * Sorts the value types by how the two enums treat them: limited by theirs only (introduced), by ours only (dropped),
 * or listed by both. A type is free on a side without an enum, or left free by a fold's alternative without one; a
 * side with an enum accepts only the values it lists of the other types, none for a type it does not list. A type that
 * one side leaves free and the other neither declares nor lists is the type difference, reported once, by the type.
 * Five types at most, each a pass over the values.
 */
function enumChangesByType(
  ours: SchemaNode,
  theirs: SchemaNode,
): Record<"introduced" | "dropped" | "listed", Set<ValueType>> {
  const out = { introduced: new Set<ValueType>(), dropped: new Set<ValueType>(), listed: new Set<ValueType>() };
  const [oursAllows, theirsAllow] = [valueTypesOf(ours.types), valueTypesOf(theirs.types)];
  for (const type of ENUM_VALUE_TYPES) {
    const [before, after] = [enumFor(ours, type), enumFor(theirs, type)];
    if (before === undefined && after === undefined) continue;
    if (before === undefined) {
      if (after!.length > 0 || theirsAllow.has(type)) out.introduced.add(type);
    } else if (after === undefined) {
      if (before.length > 0 || oursAllows.has(type)) out.dropped.add(type);
    } else out.listed.add(type);
  }
  return out;
}

function compareBounds(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  for (const keyword of BOUND_KEYWORDS) {
    const [before, after] = [ours.bounds[keyword], theirs.bounds[keyword]];
    if (before === after) continue;
    const stricter = LOWER_BOUNDS.has(keyword) ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
    const tightened = after !== undefined && (before === undefined || stricter(after, before));
    const change = `${keyword} changed from ${before ?? "none"} to ${after ?? "none"}`;
    report(site, tightened ? "bound-tightened" : "bound-relaxed", change, ours.pointer, theirs.pointer);
  }
}

function compareDefaults(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  const show = (node: SchemaNode) => (node.defaultValue ? valueKey(node.defaultValue.value) : "none");
  if (show(ours) === show(theirs)) return;
  report(
    site,
    "default-changed",
    `default changed from ${show(ours)} to ${show(theirs)}`,
    ours.pointer,
    theirs.pointer,
  );
}

function compareClosedness(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  if (!isObjectLike(ours) || !isObjectLike(theirs) || ours.closed === theirs.closed) return;
  if (ours.closed)
    report(site, "object-opened", "now allows properties it does not list", ours.pointer, theirs.pointer);
  else report(site, "object-closed", "no longer allows properties it does not list", ours.pointer, theirs.pointer);
}

function compareProperties(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  const names = new Set([...ours.properties.keys(), ...theirs.properties.keys()]);
  for (const name of names) {
    const inner: Site = { ...site, path: site.path ? `${site.path}.${name}` : name };
    const before = ours.properties.get(name);
    const after = theirs.properties.get(name);
    if (!after) report(inner, "property-removed", "was removed", before?.pointer ?? null, null);
    else if (!before) {
      const required = theirs.required.has(name);
      const kind = required ? "required-property-added" : "optional-property-added";
      report(inner, kind, `was added (${required ? "required" : "optional"})`, null, after.pointer);
    } else {
      compareRequired(ours.required.has(name), theirs.required.has(name), before.pointer, after.pointer, inner);
      compareNode(before.schema, after.schema, inner);
    }
  }
}

function compareRequired(before: boolean, after: boolean, ours: string, theirs: string, site: Site): void {
  if (before && !after) report(site, "became-optional", "is no longer required", ours, theirs);
  if (!before && after) report(site, "became-required", "is now required", ours, theirs);
}

function compareItems(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  if (!isArrayLike(ours) || !isArrayLike(theirs)) return;
  const inner: Site = { ...site, path: `${site.path}[]` };
  compareNode(ours.items ?? anyNode(ours.pointer), theirs.items ?? anyNode(theirs.pointer), inner);
}

function compareVariants(ours: SchemaNode, theirs: SchemaNode, site: Site): void {
  const [before, after] = [ours.variants ?? [ours], theirs.variants ?? [theirs]];
  // Pairing scores every alternative of ours against every one of theirs.
  site.budget.spend(placeOf(ours, theirs), before.length * after.length);
  const { pairs, removed, added } = matchVariants(before, after);
  for (const variant of removed) {
    report(site, "variant-removed", `no longer has the alternative ${describeShape(variant)}`, variant.pointer, null);
  }
  for (const variant of added) {
    report(site, "variant-added", `gained the alternative ${describeShape(variant)}`, null, variant.pointer);
  }
  // Nullability of the union was compared above; comparing it again per alternative would repeat it.
  for (const [a, b] of pairs) compareNode({ ...a, nullable: false }, { ...b, nullable: false }, site);
}
