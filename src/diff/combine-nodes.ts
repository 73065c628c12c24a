// allOf (every part applies) and anyOf/oneOf (one alternative applies) on normalised nodes.
import { intersectEnums, unionEnums } from "./enums-by-type.ts";
import { intersectFormats, unionFormats } from "./formats-by-type.ts";
import {
  anyNode,
  type BoundKeyword,
  isNullOnly,
  isUnconstrained,
  LOWER_BOUNDS,
  nullOnlyNode,
  type PropertyEntry,
  SCALAR_TYPES,
  type SchemaNode,
} from "./schema-node.ts";
import { intersectOptional, unionOfValues, valueKey } from "./value-sets.ts";

/** A value must satisfy both `a` and `b`; `a` wins for annotations such as the default. */
export function mergeNodes(a: SchemaNode, b: SchemaNode): SchemaNode {
  const types = intersectTypes(a.types, b.types);
  return {
    // Report where the constraints live, not an annotation-only wrapper such as `allOf: [$ref] + description`.
    pointer: isUnconstrained(a) ? b.pointer : a.pointer,
    types,
    nullable: a.nullable && b.nullable,
    formats: intersectFormats(a.formats, b.formats, types),
    ...intersectEnums(a, b, types),
    bounds: mergeBounds(a.bounds, b.bounds),
    defaultValue: a.defaultValue ?? b.defaultValue,
    properties: mergeProperties(a.properties, b.properties),
    required: new Set([...a.required, ...b.required]),
    closed: a.closed || b.closed,
    items: a.items && b.items ? mergeNodes(a.items, b.items) : (a.items ?? b.items),
    variants: a.variants ?? b.variants,
    recursive: a.recursive || b.recursive || undefined,
  };
}

/** The types a value of both may have: every integer is a number, so `number` and `integer` meet at `integer`. */
function intersectTypes(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const withIntegers = (types: string[] | undefined) =>
    types?.includes("number") && !types.includes("integer") ? [...types, "integer"] : types;
  const both = intersectOptional(withIntegers(a), withIntegers(b));
  return both?.includes("number") ? both.filter((type) => type !== "integer") : both;
}

function mergeBounds(a: SchemaNode["bounds"], b: SchemaNode["bounds"]): SchemaNode["bounds"] {
  const out = { ...a };
  for (const [keyword, value] of Object.entries(b) as Array<[BoundKeyword, number]>) {
    const current = out[keyword];
    if (current === undefined) out[keyword] = value;
    else out[keyword] = LOWER_BOUNDS.has(keyword) ? Math.max(current, value) : Math.min(current, value);
  }
  return out;
}

function mergeProperties(a: Map<string, PropertyEntry>, b: Map<string, PropertyEntry>): Map<string, PropertyEntry> {
  const out = new Map(a);
  for (const [name, entry] of b) {
    const existing = out.get(name);
    if (!existing) out.set(name, entry);
    else {
      const pointer = isUnconstrained(existing.schema) ? entry.pointer : existing.pointer;
      out.set(name, { pointer, schema: mergeNodes(existing.schema, entry.schema) });
    }
  }
  return out;
}

/**
 * A value must satisfy one of `alternatives`. A `{type: null}` alternative becomes `nullable`; a single remaining
 * alternative stands for the whole; scalar alternatives fold into one node; anything else stays as variants.
 */
export function unionOfNodes(alternatives: SchemaNode[], pointer: string): SchemaNode {
  if (alternatives.some(isUnconstrained)) return anyNode(pointer);
  const nullable = alternatives.some((node) => node.nullable);
  const rest = alternatives.filter((node) => !isNullOnly(node));
  const [only] = rest;
  if (only === undefined) return nullOnlyNode(pointer);
  // An inline alternative (`anyOf: [{type: string}, {type: null}]`) is best pointed at through its owner.
  if (rest.length === 1)
    return { ...only, nullable, pointer: only.pointer.startsWith(`${pointer}/`) ? pointer : only.pointer };
  if (rest.every(isPlainScalar) && haveSameBounds(rest)) return foldScalars(rest, pointer, nullable);
  return { ...anyNode(pointer), nullable, variants: rest };
}

function isPlainScalar(node: SchemaNode): boolean {
  return (
    node.types !== undefined &&
    node.types.length > 0 &&
    node.types.every((type) => SCALAR_TYPES.has(type)) &&
    node.properties.size === 0 &&
    node.items === undefined &&
    node.variants === undefined
  );
}

function haveSameBounds(nodes: SchemaNode[]): boolean {
  const first = valueKey(sortedEntries(nodes[0]?.bounds ?? {}));
  return nodes.every((node) => valueKey(sortedEntries(node.bounds)) === first);
}

function sortedEntries(bounds: SchemaNode["bounds"]): Array<[string, number]> {
  return (Object.entries(bounds) as Array<[string, number]>).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * `anyOf: [{type: string, format: date}, {type: string, format: date-time}]` → string, format date | date-time;
 * `anyOf: [{type: number, format: double}, {type: string}]` → number (format double) | string (any format);
 * `anyOf: [{type: string, enum: [a, b]}, {type: number}]` → string a | b, or any number.
 */
function foldScalars(nodes: SchemaNode[], pointer: string, nullable: boolean): SchemaNode {
  const types = unionOfValues(nodes.map((node) => node.types ?? [])).sort();
  return {
    ...anyNode(pointer),
    types,
    nullable,
    formats: unionFormats(nodes, types),
    ...unionEnums(nodes, types),
    bounds: { ...(nodes[0]?.bounds ?? {}) },
  };
}
