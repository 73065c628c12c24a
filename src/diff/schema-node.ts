// The normalised form of a schema: one spelling for every way OpenAPI 3.0 and 3.1 can say the same thing.
import type { ValueType } from "./enums-by-type.ts";
import type { FormatsByType } from "./formats-by-type.ts";

export const BOUND_KEYWORDS = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
] as const;

export type BoundKeyword = (typeof BOUND_KEYWORDS)[number];

/** Bounds for which a larger value is stricter; for the others a smaller value is. */
export const LOWER_BOUNDS: ReadonlySet<BoundKeyword> = new Set<BoundKeyword>([
  "minimum",
  "exclusiveMinimum",
  "minLength",
  "minItems",
  "minProperties",
]);

export const SCALAR_TYPES: ReadonlySet<string> = new Set(["string", "number", "integer", "boolean"]);

export interface PropertyEntry {
  /** Where the property is declared (`.../properties/<name>`). */
  pointer: string;
  schema: SchemaNode;
}

export interface SchemaNode {
  /** Where the node's constraints are written; reported in differences. */
  pointer: string;
  /** JSON types other than "null" a value may have, sorted; undefined means any type. */
  types?: string[];
  /** Whether null is an accepted value. */
  nullable: boolean;
  /** Accepted formats per type; undefined means any format for every type. */
  formats?: FormatsByType;
  /** Accepted values other than null; undefined means any. */
  enumValues?: unknown[];
  /** Value types whose values `enumValues` does not limit: a fold's alternatives without an enum leave theirs free. */
  enumFreeTypes?: readonly ValueType[];
  bounds: Partial<Record<BoundKeyword, number>>;
  /** Wrapped so that a default of `undefined`-like values (null) stays distinguishable from no default. */
  defaultValue?: { value: unknown };
  properties: Map<string, PropertyEntry>;
  required: Set<string>;
  /** True when properties that are not listed are forbidden. */
  closed: boolean;
  items?: SchemaNode;
  /** Alternatives (anyOf/oneOf) that cannot be folded into one node, such as two object shapes. */
  variants?: SchemaNode[];
  /** Set where a `$ref` cycle was cut; comparison stops there. */
  recursive?: boolean;
}

/** A schema that accepts everything. */
export function anyNode(pointer: string): SchemaNode {
  return { pointer, nullable: true, bounds: {}, properties: new Map(), required: new Set(), closed: false };
}

/** A schema that accepts only null. */
export function nullOnlyNode(pointer: string): SchemaNode {
  return { ...anyNode(pointer), types: [] };
}

export function isNullOnly(node: SchemaNode): boolean {
  return node.types !== undefined && node.types.length === 0 && node.nullable;
}

/** True when the node places no constraint at all (annotations such as descriptions do not count). */
export function isUnconstrained(node: SchemaNode): boolean {
  return (
    !node.recursive &&
    node.types === undefined &&
    !node.formats?.size &&
    node.enumValues === undefined &&
    Object.keys(node.bounds).length === 0 &&
    node.defaultValue === undefined &&
    node.properties.size === 0 &&
    node.required.size === 0 &&
    !node.closed &&
    node.items === undefined &&
    node.variants === undefined
  );
}

export function isObjectLike(node: SchemaNode): boolean {
  return node.types?.includes("object") === true || node.properties.size > 0;
}

export function isArrayLike(node: SchemaNode): boolean {
  return node.types?.includes("array") === true || node.items !== undefined;
}
