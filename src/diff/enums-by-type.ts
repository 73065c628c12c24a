// An enum value has its own JSON type, so an enum limits only the types of its values' alternatives:
// `anyOf: [{type: string, enum: [a, b]}, {type: number}]` is a or b, or any number, not "any value".
import type { SchemaNode } from "./schema-node.ts";
import { unionOfValues, valueKey } from "./value-sets.ts";

/**
 * The JSON type of an enum value, null aside (nullability is kept apart). There is no integer: 2 is a number that
 * `type: integer` and `type: number` both accept, so both declared types map to number, and an `integer` alternative
 * without an enum frees the numbers (every integer, which an enum of numbers no longer limits).
 */
export type ValueType = "array" | "boolean" | "number" | "object" | "string";

export const VALUE_TYPES: readonly ValueType[] = ["array", "boolean", "number", "object", "string"];

const OF_DECLARED: ReadonlyMap<string, ValueType> = new Map<string, ValueType>([
  ["array", "array"],
  ["boolean", "boolean"],
  ["integer", "number"],
  ["number", "number"],
  ["object", "object"],
  ["string", "string"],
]);

export function valueTypeOf(value: unknown): ValueType {
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" ? type : "object";
}

/** The value types a node's declared types allow; all of them when it declares none. Names outside JSON's hold none. */
export function valueTypesOf(types: readonly string[] | undefined): Set<ValueType> {
  if (types === undefined) return new Set(VALUE_TYPES);
  const out = new Set<ValueType>();
  for (const type of types) {
    const valueType = OF_DECLARED.get(type);
    if (valueType) out.add(valueType);
  }
  return out;
}

type EnumPart = Pick<SchemaNode, "enumValues" | "enumFreeTypes">;

/** The values of `type` that `node` accepts; undefined means any value of it. */
export function enumFor(node: EnumPart, type: ValueType): unknown[] | undefined {
  if (node.enumValues === undefined || node.enumFreeTypes?.includes(type)) return undefined;
  return node.enumValues.filter((value) => valueTypeOf(value) === type);
}

/**
 * anyOf/oneOf of scalar alternatives: the values of the alternatives that have an enum, and free the value types of
 * those that have none (or that a fold of their own left free). Every alternative with an enum: their values, as one
 * list. None with one: no enum.
 */
export function unionEnums(alternatives: readonly SchemaNode[], types: readonly string[]): EnumPart {
  if (alternatives.every((node) => node.enumValues === undefined)) return {};
  const free = new Set<ValueType>();
  for (const node of alternatives) {
    const freed = node.enumValues === undefined ? valueTypesOf(node.types) : (node.enumFreeTypes ?? []);
    for (const type of freed) free.add(type);
  }
  return settle(unionOfValues(alternatives.map((node) => node.enumValues ?? [])), free, types);
}

/** allOf: a value must be accepted by both; a type stays free only where both leave it free. */
export function intersectEnums(a: EnumPart, b: EnumPart, types: readonly string[] | undefined): EnumPart {
  if (a.enumValues === undefined)
    return b.enumValues === undefined ? {} : settle([...b.enumValues], new Set(b.enumFreeTypes), types);
  if (b.enumValues === undefined) return settle([...a.enumValues], new Set(a.enumFreeTypes), types);
  const [freeOfA, freeOfB] = [new Set(a.enumFreeTypes), new Set(b.enumFreeTypes)];
  const keysOfB = new Set(b.enumValues.map(valueKey));
  const kept = [
    ...a.enumValues.filter((value) => freeOfB.has(valueTypeOf(value)) || keysOfB.has(valueKey(value))),
    // Values of a type a leaves free were dropped from a's list, so none of these is already kept.
    ...b.enumValues.filter((value) => freeOfA.has(valueTypeOf(value))),
  ];
  return settle(kept, new Set([...freeOfA].filter((type) => freeOfB.has(type))), types);
}

/**
 * One spelling: free types are only types the node allows, a free type lists no values, and a node free for every type
 * it allows has no enum. Without free types the values are returned as they are, so a plain enum is unchanged.
 */
function settle(values: unknown[], free: Set<ValueType>, types: readonly string[] | undefined): EnumPart {
  if (free.size === 0) return { enumValues: values };
  const allowed = valueTypesOf(types);
  const freeTypes = VALUE_TYPES.filter((type) => free.has(type) && allowed.has(type));
  if (freeTypes.length === 0) return { enumValues: values };
  if (freeTypes.length === allowed.size) return {};
  return { enumValues: values.filter((value) => !freeTypes.includes(valueTypeOf(value))), enumFreeTypes: freeTypes };
}
