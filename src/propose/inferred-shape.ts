// The schema of values nobody has described yet, inferred from every one of them: their types, a string format all
// of them satisfy, and for objects a closed schema whose required properties are those present in every one.
// Values are folded in one at a time, in any order; the schema comes out the same.

import { suggestsSecret } from "../redaction/secret-name.ts";
import { type JsonType, jsonTypeOf, TYPE_ORDER } from "./json-type.ts";
import { INFERRED_STRING_FORMATS, satisfiesFormat } from "./string-formats.ts";
import { unappliableName } from "./unappliable-name.ts";

/** Deeper than this (by default), a value's structure is not inferred (its schema is only its type). */
const MAX_DEPTH = 32;
/** More distinct property names than this at one level, and the shape is too wide to propose (a hostile server). */
export const MAX_INFERRED_PROPERTIES = 200;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first name by code unit inside `value`, at any depth (iteratively), that no Overlay tool can carry, or `first`. */
function firstUnappliable(value: unknown, first: string | undefined): string | undefined {
  let found = first;
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    for (const [key, child] of Object.entries(node)) {
      if (!Array.isArray(node) && unappliableName(key) !== undefined && (found === undefined || key < found))
        found = key;
      stack.push(child);
    }
  }
  return found;
}

export class InferredShape {
  private readonly types = new Set<JsonType>();
  /** Formats every string seen so far satisfies; undefined before the first string. */
  private formats: Set<string> | undefined;
  private objects = 0;
  private readonly properties = new Map<string, { shape: InferredShape; present: number }>();
  private items: InferredShape | undefined;
  private wide = false;
  /** The first name, by code unit, at any depth of any value added at the top, that an Overlay tool cannot carry. */
  private unappliable: string | undefined;

  /**
   * @param secret the values sit under a property whose name suggests a secret: no format is inferred from them
   * @param maxDepth how deep the structure is inferred; a value at that depth is typed only (an object has the empty schema)
   */
  constructor(
    private readonly secret = false,
    private readonly maxDepth = MAX_DEPTH,
  ) {}

  add(value: unknown, depth = 0): void {
    // Every name is looked at, even past the width bound, so that the name given does not depend on the order.
    if (depth === 0) this.unappliable = firstUnappliable(value, this.unappliable);
    const type = jsonTypeOf(value);
    this.types.add(type);
    if (type === "string") {
      const candidates = this.formats ?? new Set(this.secret ? [] : INFERRED_STRING_FORMATS);
      for (const format of candidates) if (!satisfiesFormat(value as string, format)) candidates.delete(format);
      this.formats = candidates;
    }
    if (depth >= this.maxDepth) return;
    if (type === "object") {
      this.objects++;
      for (const key in value as object) {
        if (!Object.hasOwn(value as object, key)) continue;
        let entry = this.properties.get(key);
        if (!entry && this.properties.size >= MAX_INFERRED_PROPERTIES) {
          this.wide = true;
          continue;
        }
        if (!entry) {
          entry = { shape: new InferredShape(this.secret || suggestsSecret(key), this.maxDepth), present: 0 };
          this.properties.set(key, entry);
        }
        entry.present++;
        entry.shape.add((value as Record<string, unknown>)[key], depth + 1);
      }
    }
    if (type === "array") {
      for (const item of value as unknown[]) {
        this.items ??= new InferredShape(this.secret, this.maxDepth);
        this.items.add(item, depth + 1);
      }
    }
  }

  /** Some level of the values had more than MAX_INFERRED_PROPERTIES property names: no closed schema can be proposed. */
  get tooWide(): boolean {
    return (
      this.wide || this.items?.tooWide === true || [...this.properties.values()].some((entry) => entry.shape.tooWide)
    );
  }

  /** The first property name, by code unit, at any depth, that an Overlay tool cannot carry (see unappliable-name.ts). */
  get unappliableName(): string | undefined {
    return this.unappliable;
  }

  /**
   * The schema: closed objects, number formats as the spec writes them. One type is `type: T` (or `[T, "null"]`);
   * several become an `anyOf` of one branch per type, as ajv's strict mode (no union types) and the spec want.
   */
  toSchema(): Record<string, unknown> {
    const types = TYPE_ORDER.filter(
      (type) => type !== "null" && this.types.has(type) && !(type === "integer" && this.types.has("number")),
    );
    const nullable = this.types.has("null");
    if (types.length === 0) return { type: "null" };
    // An object seen only past the depth bound: nothing is known of it, so its schema says nothing (`{}`) rather than
    // `type: object` left open, which the spec's closed-objects gate refuses.
    const unknown = (type: JsonType) => type === "object" && this.objects === 0;
    if (types.length === 1)
      return unknown(types[0]!)
        ? {}
        : { type: nullable ? [types[0], "null"] : types[0], ...this.keywordsFor(types[0]!) };
    return {
      anyOf: [
        ...types.map((type) => (unknown(type) ? {} : { type, ...this.keywordsFor(type) })),
        ...(nullable ? [{ type: "null" }] : []),
      ],
    };
  }

  /** The keywords that say more about values of one type. */
  private keywordsFor(type: JsonType): Record<string, unknown> {
    const schema: Record<string, unknown> = {};
    if (type === "string") {
      const format = INFERRED_STRING_FORMATS.find((candidate) => this.formats?.has(candidate));
      if (format !== undefined) schema.format = format;
    }
    if (type === "number") schema.format = "double";
    if (type === "object" && this.objects > 0) {
      const names = [...this.properties.keys()].sort(byCodeUnit);
      schema.additionalProperties = false;
      const required = names.filter((name) => this.properties.get(name)!.present === this.objects);
      if (required.length > 0) schema.required = required;
      if (names.length > 0)
        schema.properties = Object.fromEntries(
          names.map((name) => [name, this.properties.get(name)!.shape.toSchema()]),
        );
    }
    if (type === "array" && this.items) schema.items = this.items.toSchema();
    return schema;
  }
}
