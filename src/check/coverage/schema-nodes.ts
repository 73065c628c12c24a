// A response schema compiled for the coverage walk: one node per schema (by the pointer where it is written, `$ref`s
// followed, so a recursive schema is a cycle of nodes), holding the items it declares (an enum's values, a union's
// branches, an optional or nullable property's states), each an index into the operation's items.
import { isDeepStrictEqual } from "node:util";
import { escapeToken, unescapeToken } from "../../openapi/json-pointer.ts";
import type { OpenApiDocument } from "../../openapi/openapi-document.ts";
import { followRefs } from "../../openapi/resolve-ref.ts";
import type { CoveredPropertyState } from "../../report/report-types.ts";

/** The items of one enum, union or property, by the schema pointer that declares them (`#/components/schemas/…`). */
export interface DeclaredGroup<T> {
  pointer: string;
  values: T[];
  /** The index of the first value's item; the others follow it. */
  first: number;
}

/** A declared property the walk looks at: the items of its being present and null (-1: none), and its schema. */
export interface PropertyEdge {
  name: string;
  /** The name is also one every object inherits (`constructor`): presence is asked of the object's own keys. */
  inherited: boolean;
  present: number;
  isNull: number;
  node: SchemaNode | undefined;
}

/** A union: the item of each branch, each branch's node, and how a value's branch is chosen. */
export interface UnionNode {
  items: number[];
  branches: (SchemaNode | undefined)[];
  /** Set when every branch is an object schema: each branch's own level, for the validator's branch rule. */
  shapes?: { required: string[]; properties: string[] }[];
  /** Otherwise: whether each branch admits a value, by its const, enum or type. */
  admits?: ((value: unknown) => boolean)[];
}

export interface SchemaNode {
  /** A primitive enum value → its item. */
  enumValues?: Map<unknown, number>;
  /** An enum value that is an object or an array, with its item. */
  enumOthers?: { value: unknown; item: number }[];
  union?: UnionNode;
  allOf?: SchemaNode[];
  properties?: PropertyEdge[];
  /** The names the schema declares, and the schema of any other property. */
  declared?: Set<string>;
  additional?: SchemaNode;
  items?: SchemaNode;
  /** An item is at or below this node: the walk goes only into live nodes. */
  live: boolean;
  /** The node holds primitive enum values and nothing else: the walk marks a value's item without going into it. */
  leaf?: boolean;
}

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const child = (pointer: string, ...tokens: (string | number)[]) =>
  pointer + tokens.map((token) => `/${escapeToken(token)}`).join("");

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeAdmits(type: unknown, value: unknown): boolean {
  const names = Array.isArray(type) ? type : [type];
  const actual = jsonType(value);
  return names.includes(actual) || (actual === "integer" && names.includes("number"));
}

const isObjectSchema = (schema: unknown): schema is Schema =>
  isObject(schema) && (typeAdmits(schema.type, {}) || isObject(schema.properties));

/** Whether a schema admits a value by its const, enum and type alone (no deeper look). */
function admitsByType(schema: unknown): (value: unknown) => boolean {
  if (!isObject(schema)) return () => schema !== false;
  return (value) =>
    (schema.const === undefined || isDeepStrictEqual(schema.const, value)) &&
    (!Array.isArray(schema.enum) || schema.enum.some((listed) => isDeepStrictEqual(listed, value))) &&
    (schema.type === undefined || typeAdmits(schema.type, value));
}

/** A union branch's name: its `$ref`'s last token, else its title, else its index. */
function branchLabel(raw: unknown, resolved: unknown, index: number): string {
  const ref = isObject(raw) && typeof raw.$ref === "string" ? raw.$ref : undefined;
  if (ref !== undefined) return unescapeToken(ref.slice(ref.lastIndexOf("/") + 1));
  return isObject(resolved) && typeof resolved.title === "string" ? resolved.title : String(index);
}

/** Compiles the schemas of one operation's responses; the items it declares are numbered from `first` on. */
export class SchemaCompiler {
  readonly enums: DeclaredGroup<unknown>[] = [];
  readonly unions: DeclaredGroup<string>[] = [];
  readonly properties: DeclaredGroup<CoveredPropertyState>[] = [];
  readonly #nodes = new Map<string, SchemaNode>();
  #next: number;

  constructor(
    private readonly doc: OpenApiDocument,
    first: number,
  ) {
    this.#next = first;
  }

  /** How many items are numbered so far, from 0. */
  get size(): number {
    return this.#next;
  }

  /** The node of the schema written at `pointer` (a `$ref` that leads nowhere is a schema with nothing to see). */
  compile(schema: unknown, pointer: string): SchemaNode | undefined {
    let located: { value: unknown; pointer: string };
    try {
      located = followRefs(this.doc, schema, pointer);
    } catch {
      return undefined;
    }
    const known = this.#nodes.get(located.pointer);
    if (known) return known;
    const node: SchemaNode = { live: false };
    this.#nodes.set(located.pointer, node);
    if (isObject(located.value)) this.#fill(node, located.value, located.pointer);
    return node;
  }

  /** Marks the nodes an item is at or below as live, and drops what leads to none. Call once, after compiling. */
  finish(): void {
    const nodes = [...this.#nodes.values()];
    const below = (node: SchemaNode) => [
      ...(node.allOf ?? []),
      ...(node.properties ?? []).map((edge) => edge.node),
      node.additional,
      node.items,
    ];
    for (const node of nodes)
      node.live = node.enumValues !== undefined || node.enumOthers !== undefined || !!node.union;
    for (const node of nodes)
      if (node.properties?.some((edge) => edge.present >= 0 || edge.isNull >= 0)) node.live = true;
    for (let changed = true; changed; ) {
      changed = false;
      for (const node of nodes) {
        if (node.live || !below(node).some((next) => next?.live)) continue;
        node.live = true;
        changed = true;
      }
    }
    for (const node of nodes) prune(node);
  }

  #items(count: number): number {
    const first = this.#next;
    this.#next += count;
    return first;
  }

  #fill(node: SchemaNode, schema: Schema, at: string): void {
    if (Array.isArray(schema.enum)) this.#enum(node, schema.enum, at);
    for (const keyword of ["anyOf", "oneOf"] as const)
      if (Array.isArray(schema[keyword])) this.#union(node, schema[keyword] as unknown[], child(at, keyword));
    if (Array.isArray(schema.allOf))
      node.allOf = schema.allOf.flatMap((branch, index) => this.compile(branch, child(at, "allOf", index)) ?? []);
    if (isObject(schema.properties)) this.#properties(node, schema, schema.properties, at);
    if (isObject(schema.additionalProperties)) {
      node.additional = this.compile(schema.additionalProperties, child(at, "additionalProperties"));
      node.declared = new Set(Object.keys(isObject(schema.properties) ? schema.properties : {}));
    }
    if (schema.items !== undefined) node.items = this.compile(schema.items, child(at, "items"));
  }

  #enum(node: SchemaNode, listed: unknown[], at: string): void {
    const values = listed.filter(
      (value, index) => listed.findIndex((other) => isDeepStrictEqual(other, value)) === index,
    );
    const first = this.#items(values.length);
    this.enums.push({ pointer: `#${at}`, values, first });
    const primitives = new Map<unknown, number>();
    const others: { value: unknown; item: number }[] = [];
    values.forEach((value, index) => {
      if (value !== null && typeof value === "object") others.push({ value, item: first + index });
      else primitives.set(value, first + index);
    });
    if (primitives.size > 0) node.enumValues = primitives;
    if (others.length > 0) node.enumOthers = others;
  }

  #union(node: SchemaNode, raw: unknown[], at: string): void {
    const resolved = raw.map((branch, index) => {
      try {
        return followRefs(this.doc, branch, child(at, index)).value;
      } catch {
        return undefined;
      }
    });
    const labels = raw.map((branch, index) => branchLabel(branch, resolved[index], index));
    const values = labels.map((label, index) => (labels.indexOf(label) === index ? label : `${label} (${index})`));
    const first = this.#items(values.length);
    this.unions.push({ pointer: `#${at}`, values, first });
    const union: UnionNode = {
      items: values.map((_, index) => first + index),
      branches: raw.map((branch, index) => this.compile(branch, child(at, index))),
    };
    if (resolved.every(isObjectSchema))
      union.shapes = resolved.map((branch) => ({
        required: Array.isArray(branch.required) ? branch.required.filter((name) => typeof name === "string") : [],
        properties: Object.keys(isObject(branch.properties) ? branch.properties : {}),
      }));
    else union.admits = resolved.map(admitsByType);
    node.union = union;
  }

  #properties(node: SchemaNode, schema: Schema, properties: Schema, at: string): void {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    node.properties = Object.entries(properties).map(([name, property]) => {
      const pointer = child(at, "properties", name);
      const states: CoveredPropertyState[] = [];
      if (!required.has(name)) states.push("present");
      if (this.#nullable(property, pointer)) states.push("null");
      const first = states.length > 0 ? this.#items(states.length) : -1;
      if (states.length > 0) this.properties.push({ pointer: `#${pointer}`, values: states, first });
      return {
        name,
        inherited: name in Object.prototype,
        present: states[0] === "present" ? first : -1,
        isNull: states.includes("null") ? first + states.indexOf("null") : -1,
        node: this.compile(property, pointer),
      };
    });
  }

  /** A schema that admits null: by its type, `nullable`, enum or const, or a union branch that does. */
  #nullable(schema: unknown, pointer: string, depth = 0): boolean {
    let value: unknown;
    try {
      value = followRefs(this.doc, schema, pointer).value;
    } catch {
      return false;
    }
    if (!isObject(value)) return false;
    if (value.nullable === true || value.const === null) return true;
    if (value.type !== undefined && typeAdmits(value.type, null)) return true;
    if (Array.isArray(value.enum) && value.enum.includes(null)) return true;
    if (depth > 0) return false;
    return (["anyOf", "oneOf"] as const).some(
      (keyword) =>
        Array.isArray(value[keyword]) &&
        (value[keyword] as unknown[]).some((branch, index) =>
          this.#nullable(branch, child(pointer, keyword, index), 1),
        ),
    );
  }
}

/** Drops the edges that lead to no item, and tells the leaves. */
function prune(node: SchemaNode): void {
  const { enumValues, enumOthers, union, allOf, properties, additional, items } = node;
  node.leaf = !!enumValues && !enumOthers && !union && !allOf && !properties && !additional && !items;
  if (node.allOf) node.allOf = node.allOf.filter((next) => next.live);
  if (node.properties)
    node.properties = node.properties.filter((edge) => edge.present >= 0 || edge.isNull >= 0 || edge.node?.live);
  if (node.additional && !node.additional.live) {
    node.additional = undefined;
    node.declared = undefined;
  }
  if (node.items && !node.items.live) node.items = undefined;
}
