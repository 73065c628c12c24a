// Turns a schema of either document into a SchemaNode, resolving `$ref`s and folding equivalent spellings.

import { lookupRef, RefError, refToPointer } from "../openapi/resolve-ref.ts";
import { DiffBudget } from "./budget.ts";
import { mergeNodes, unionOfNodes } from "./combine-nodes.ts";
import { formatsOfKeyword } from "./formats-by-type.ts";
import { isJsonObject, type JsonObject, type LoadedDocument } from "./load-document.ts";
import { childPointer } from "./pointer.ts";
import { readDocument } from "./read-document.ts";
import { anyNode, BOUND_KEYWORDS, type PropertyEntry, type SchemaNode } from "./schema-node.ts";

/** What every step of one normalisation shares: the document, the diff's budget, and how deep the walk is. */
interface Reader {
  source: LoadedDocument;
  budget: DiffBudget;
  depth: number;
  /**
   * The `$ref`s followed since the walk last went into a part of the value (a property, the items) or one of its
   * alternatives (`anyOf`, `oneOf`): every schema they name applies to this one value, as `$ref` and `allOf` do.
   */
  sameValueRefs: readonly string[];
}

/** The reader for a part of the value or one of its alternatives, where a `$ref` cycle may come back to its start. */
const elsewhere = (reader: Reader): Reader => ({ ...reader, sameValueRefs: [] });

/** Normalises the schema `raw` found at `pointer` of `source`, within the diff's `budget`. */
export function normalizeSchema(
  source: LoadedDocument,
  raw: unknown,
  pointer: string,
  budget = new DiffBudget(),
): SchemaNode {
  return readDocument(source, () => normalize({ source, budget, depth: 0, sameValueRefs: [] }, raw, pointer, []));
}

/**
 * `refStack` holds the `$ref`s being expanded on the way here: one of them again is a recursive schema (a tree whose
 * children are trees), cut there. One again among `reader.sameValueRefs` is a cycle that never reaches a schema.
 */
function normalize(outer: Reader, raw: unknown, pointer: string, refStack: readonly string[]): SchemaNode {
  const reader: Reader = { ...outer, depth: outer.depth + 1 };
  const where = () => `${reader.source.side} ${pointer}`;
  reader.budget.checkDepth(reader.depth, where);
  reader.budget.spend(where);
  // Values are compared through JSON.stringify, which a value nested thousands deep would overflow.
  for (const keyword of ["default", "enum", "const"]) {
    if (isJsonObject(raw) && keyword in raw) reader.budget.checkValueDepth(raw[keyword], () => `${where()}/${keyword}`);
  }
  if (raw === false) return { ...anyNode(pointer), types: [], nullable: false };
  if (!isJsonObject(raw)) return anyNode(pointer);
  if (typeof raw.$ref === "string") return normalizeRef(reader, raw, raw.$ref, pointer, refStack);
  const parts = [ownConstraints(reader, raw, pointer, refStack), ...combinedParts(reader, raw, pointer, refStack)];
  const merged = parts.reduce((all, part) => mergeNodes(all, part));
  // OpenAPI 3.0 writers put `nullable: true` next to `allOf: [$ref]` to mean "this ref, or null".
  return raw.nullable === true ? { ...merged, nullable: true } : merged;
}

function normalizeRef(
  reader: Reader,
  raw: JsonObject,
  ref: string,
  pointer: string,
  refStack: readonly string[],
): SchemaNode {
  const targetPointer = refToPointer(ref);
  assertNotPureCycle(reader.sameValueRefs, ref, pointer);
  if (refStack.includes(ref)) return { ...anyNode(targetPointer), recursive: true };
  const target = normalize(
    { ...reader, sameValueRefs: [...reader.sameValueRefs, ref] },
    lookupRef(reader.source.doc, ref, pointer),
    targetPointer,
    [...refStack, ref],
  );
  const siblings = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== "$ref"));
  return mergeNodes(normalize(reader, siblings, pointer, refStack), target);
}

/**
 * A `$ref` back to one followed for this same value, through `$ref`s and `allOf`s alone (A → B → A): the value would
 * have to match A to match A, and no schema ever says what it is. An error of the document, not "any value".
 */
function assertNotPureCycle(sameValueRefs: readonly string[], ref: string, pointer: string): void {
  const start = sameValueRefs.indexOf(ref);
  if (start < 0) return;
  const cycle = [...sameValueRefs.slice(start), ref].join(" → ");
  throw new RefError(ref, pointer, "circular", `${cycle}: a cycle of references that never reaches a schema`);
}

function combinedParts(reader: Reader, raw: JsonObject, pointer: string, refStack: readonly string[]): SchemaNode[] {
  const branches = (keyword: string, branchReader: Reader) =>
    arrayOf(raw[keyword]).map((branch, index) =>
      normalize(branchReader, branch, childPointer(pointer, keyword, index), refStack),
    );
  const parts = branches("allOf", reader);
  for (const keyword of ["anyOf", "oneOf"]) {
    const alternatives = branches(keyword, elsewhere(reader));
    if (alternatives.length > 0) parts.push(unionOfNodes(alternatives, pointer));
  }
  return parts;
}

function ownConstraints(reader: Reader, raw: JsonObject, pointer: string, refStack: readonly string[]): SchemaNode {
  const types = readTypes(raw);
  return {
    pointer,
    ...types,
    formats: formatsOfKeyword(raw.format, types.types),
    enumValues: readEnum(raw)?.filter((value) => value !== null),
    bounds: readBounds(raw),
    defaultValue: "default" in raw ? { value: raw.default } : undefined,
    properties: readProperties(reader, raw, pointer, refStack),
    required: new Set(readRequired(raw)),
    closed: forbidsEverything(raw.additionalProperties) || forbidsEverything(raw.unevaluatedProperties),
    items:
      "items" in raw && !Array.isArray(raw.items)
        ? normalize(elsewhere(reader), raw.items, childPointer(pointer, "items"), refStack)
        : undefined,
  };
}

/** `type: [T, "null"]`, 3.0 `nullable: true` and an enum holding null all mean "null is accepted". */
function readTypes(raw: JsonObject): Pick<SchemaNode, "types" | "nullable"> {
  const declared =
    typeof raw.type === "string" ? [raw.type] : Array.isArray(raw.type) ? raw.type.map(String) : undefined;
  if (declared) {
    return {
      types: declared.filter((type) => type !== "null").sort(),
      nullable: declared.includes("null") || raw.nullable === true,
    };
  }
  const inferred = inferType(raw);
  if (inferred) return { types: inferred, nullable: raw.nullable === true };
  return { types: undefined, nullable: true };
}

/** Documents often leave `type` out where other keywords make it obvious. */
function inferType(raw: JsonObject): string[] | undefined {
  if (["properties", "required", "additionalProperties", "unevaluatedProperties"].some((key) => key in raw))
    return ["object"];
  if ("items" in raw) return ["array"];
  const values = readEnum(raw)?.filter((value) => value !== null);
  if (values === undefined || values.length === 0) return undefined;
  return [...new Set(values.map(jsonTypeOf))].sort();
}

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value;
}

function readEnum(raw: JsonObject): unknown[] | undefined {
  if (Array.isArray(raw.enum)) return raw.enum;
  return "const" in raw ? [raw.const] : undefined;
}

function readBounds(raw: JsonObject): SchemaNode["bounds"] {
  const bounds: SchemaNode["bounds"] = {};
  for (const keyword of BOUND_KEYWORDS) {
    const value = raw[keyword];
    if (typeof value === "number") bounds[keyword] = value;
  }
  // OpenAPI 3.0 spells an exclusive bound as a boolean flag next to minimum/maximum.
  if (raw.exclusiveMinimum === true && bounds.minimum !== undefined) {
    bounds.exclusiveMinimum = bounds.minimum;
    delete bounds.minimum;
  }
  if (raw.exclusiveMaximum === true && bounds.maximum !== undefined) {
    bounds.exclusiveMaximum = bounds.maximum;
    delete bounds.maximum;
  }
  return bounds;
}

function readRequired(raw: JsonObject): string[] {
  return arrayOf(raw.required).filter((name): name is string => typeof name === "string");
}

function readProperties(
  reader: Reader,
  raw: JsonObject,
  pointer: string,
  refStack: readonly string[],
): Map<string, PropertyEntry> {
  const properties = new Map<string, PropertyEntry>();
  for (const [name, child] of Object.entries(isJsonObject(raw.properties) ? raw.properties : {})) {
    const propertyPointer = childPointer(pointer, "properties", name);
    const schema = normalize(elsewhere(reader), child, propertyPointer, refStack);
    properties.set(name, { pointer: propertyPointer, schema });
  }
  // A required name without a declaration still has to be present, with any value.
  readRequired(raw).forEach((name, index) => {
    if (!properties.has(name)) {
      const requiredPointer = childPointer(pointer, "required", index);
      properties.set(name, { pointer: requiredPointer, schema: anyNode(requiredPointer) });
    }
  });
  return properties;
}

/** `false`, `{not: {}}` and `{not: true}` all forbid any extra property. */
function forbidsEverything(value: unknown): boolean {
  if (value === false) return true;
  if (!isJsonObject(value)) return false;
  return value.not === true || (isJsonObject(value.not) && Object.keys(value.not).length === 0);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
