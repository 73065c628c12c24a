// Formats belong to the types they constrain: `anyOf: [{type: number, format: double}, {type: string}]` keeps double
// for numbers and leaves strings free, instead of one list for every type.
import { intersectOptional, unionOfValues } from "./value-sets.ts";

/**
 * The key for a `format` written on a schema that declares no type (and none can be inferred): it applies to a value
 * of every type. Combined with a node that does declare types, it becomes the format of each of them. A symbol, so
 * that no type name a document spells can collide with it.
 */
export const EVERY_TYPE = Symbol("every type");

export type FormatKey = string | typeof EVERY_TYPE;

/** Accepted formats (alternatives, sorted) per JSON type other than null; a type without an entry takes any format. */
export type FormatsByType = ReadonlyMap<FormatKey, readonly string[]>;

/** The formats of a schema's `format` keyword: one entry per type it allows, or EVERY_TYPE when it declares none. */
export function formatsOfKeyword(format: unknown, types: readonly string[] | undefined): FormatsByType | undefined {
  if (typeof format !== "string") return undefined;
  const keys: readonly FormatKey[] = types ?? [EVERY_TYPE];
  return formatsFrom(keys.map((key) => [key, [format]]));
}

/** The formats a value of `type` may have under `formats`; undefined means any. */
export function formatsFor(formats: FormatsByType | undefined, type: FormatKey): readonly string[] | undefined {
  const own = formats?.get(type);
  return type === EVERY_TYPE ? own : intersectOptional(own, formats?.get(EVERY_TYPE));
}

/** allOf: a value of a type must have a format both sides accept. `types` are the merged node's types. */
export function intersectFormats(
  a: FormatsByType | undefined,
  b: FormatsByType | undefined,
  types: readonly string[] | undefined,
): FormatsByType | undefined {
  const keys: readonly FormatKey[] = types ?? unionOfValues([[...(a?.keys() ?? [])], [...(b?.keys() ?? [])]]);
  return formatsFrom(keys.map((key) => [key, intersectOptional(formatsFor(a, key), formatsFor(b, key))]));
}

/**
 * anyOf/oneOf of alternatives that all declare their types: a value of a type may have any format of the alternatives
 * that allow that type, and any format at all if one of them leaves it free.
 */
export function unionFormats(
  alternatives: ReadonlyArray<{ types?: string[]; formats?: FormatsByType }>,
  types: readonly string[],
): FormatsByType | undefined {
  return formatsFrom(
    types.map((type) => {
      const lists = alternatives
        .filter((node) => node.types?.includes(type))
        .map((node) => formatsFor(node.formats, type));
      return [type, lists.every((list) => list !== undefined) ? unionOfValues(lists).sort() : undefined];
    }),
  );
}

function formatsFrom(
  entries: ReadonlyArray<readonly [FormatKey, readonly string[] | undefined]>,
): FormatsByType | undefined {
  const formats = new Map<FormatKey, readonly string[]>();
  for (const [key, list] of entries) if (list !== undefined) formats.set(key, list);
  return formats.size > 0 ? formats : undefined;
}
