// Every Schema Object of a document with its pointer: the component schemas, the operations' parameter and JSON body
// schemas written inline, and every subschema of those, found by the JSON Schema keywords that hold subschemas.
import type { OpenApiDocument } from "../openapi-document.ts";
import { walkOperations } from "../walk-operations.ts";
import { childOf } from "./document-gate.ts";

/** A Schema Object (a boolean schema has no keywords to check) and where it is written. */
export interface SchemaNode {
  node: Record<string, unknown>;
  pointer: string;
}

const ONE_SCHEMA = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "additionalItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
];
const SCHEMA_MAPS = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function visit(node: unknown, pointer: string, out: SchemaNode[], seen: Set<string>): void {
  if (!isObject(node) || seen.has(pointer)) return;
  seen.add(pointer);
  out.push({ node, pointer });
  for (const key of ONE_SCHEMA) visit(node[key], childOf(pointer, key), out, seen);
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (isObject(map))
      for (const [name, child] of Object.entries(map)) visit(child, childOf(pointer, key, name), out, seen);
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((child, index) => {
        visit(child, childOf(pointer, key, index), out, seen);
      });
  }
}

/** A schema and every subschema of it, in document order. */
export function subschemas(schema: unknown, pointer: string): SchemaNode[] {
  const out: SchemaNode[] = [];
  visit(schema, pointer, out, new Set());
  return out;
}

/** Every Schema Object, each once, in document order (components first). A `$ref` is not followed: its target is. */
export function schemaNodes(doc: OpenApiDocument): SchemaNode[] {
  const out: SchemaNode[] = [];
  const seen = new Set<string>();
  const components = isObject(doc.components?.schemas) ? doc.components.schemas : {};
  for (const [name, schema] of Object.entries(components))
    visit(schema, childOf("/components/schemas", name), out, seen);
  for (const operation of walkOperations(doc)) {
    for (const parameter of operation.parameters) visit(parameter.schema, parameter.schemaPointer, out, seen);
    for (const { json } of operation.responses) if (json) visit(json.schema, json.schemaPointer, out, seen);
  }
  return out;
}
