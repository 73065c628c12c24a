// Builds the operation table from a parsed spec: one entry per operationId, derived through the one walker
// (src/openapi/walk-operations.ts) with no special cases. The generator writes it to generated/operations.js; a spec
// given at run time (`--spec FILE`) gets the same table from the same code.
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { followRefs, lookupRef } from "../openapi/resolve-ref.ts";
import { walkOperations } from "../openapi/walk-operations.ts";

export interface TableParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description: string | null;
  /** The parameter's schema with every `$ref` inlined (a reference back into itself is left as a `$ref`). */
  schema: unknown;
  /** The parameter's own `x-` extensions. */
  extensions: Record<string, unknown>;
}

export interface TableOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: TableParameter[];
  /** The statuses the spec declares, in document order. */
  statuses: string[];
  /** A GET whose 200 body has `links` and a `data` array: read page after page by following `links.next`. */
  list: boolean;
  /** A GET of one item of a list operation: its path is the list's path plus one path parameter. */
  getById: { list: string; idParameter: string } | null;
  /** The operation's own `x-` extensions. */
  extensions: Record<string, unknown>;
}

/** A schema with its `$ref`s inlined; a reference back into a schema being inlined stays a `$ref` (cycle-safe). */
function inline(doc: OpenApiDocument, node: unknown, at: string, seen: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(node)) return node.map((item, index) => inline(doc, item, `${at}/${index}`, seen));
  if (node === null || typeof node !== "object") return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string") {
    if (seen.has(ref)) return { $ref: ref };
    return inline(doc, lookupRef(doc, ref, at), ref.slice(1), new Set([...seen, ref]));
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, inline(doc, value, `${at}/${key}`, seen)]),
  );
}

const extensionsOf = (node: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(node).filter(([key]) => key.startsWith("x-")));

type SchemaNode = { type?: unknown; properties?: Record<string, unknown> } | undefined;

const admitsArray = (schema: SchemaNode): boolean =>
  schema?.type === "array" || (Array.isArray(schema?.type) && schema.type.includes("array"));

/** The pagination rule: the 200 JSON body is an object with a `links` property and a `data` array. */
function isPageSchema(doc: OpenApiDocument, schema: unknown, at: string): boolean {
  const page = followRefs<SchemaNode>(doc, schema, at);
  const properties = page.value?.properties;
  if (!properties || typeof properties !== "object" || !("links" in properties) || !("data" in properties))
    return false;
  return admitsArray(followRefs<SchemaNode>(doc, properties.data, `${page.pointer}/properties/data`).value);
}

/** Every operation with an operationId, in document order, each related to its list when it gets one of its items. */
export function operationTable(doc: OpenApiDocument): TableOperation[] {
  const out: TableOperation[] = walkOperations(doc)
    .filter((operation) => operation.operationId !== undefined)
    .map((operation) => {
      const ok = operation.responses.find((response) => response.status === "200")?.json;
      return {
        operationId: operation.operationId!,
        method: operation.method.toUpperCase(),
        path: operation.path,
        parameters: operation.parameters.map((p) => ({
          name: p.name,
          in: p.in as TableParameter["in"],
          required: p.required,
          description: p.description ?? null,
          schema: inline(doc, p.schema ?? {}, p.schemaPointer),
          extensions: p.extensions,
        })),
        statuses: operation.responses.map((response) => response.status),
        list: operation.method === "get" && ok !== undefined && isPageSchema(doc, ok.schema, ok.schemaPointer),
        getById: null,
        extensions: operation.extensions,
      };
    });
  // Get-by-id: a GET at `<list path>/{param}` whose one extra segment is a path parameter.
  for (const operation of out) {
    if (operation.method !== "GET" || operation.list) continue;
    const match = /^(.*)\/\{([^/{}]+)\}$/.exec(operation.path);
    if (!match) continue;
    const list = out.find((candidate) => candidate.list && candidate.path === match[1]);
    const idParameter = operation.parameters.find((p) => p.in === "path" && p.name === match[2]);
    if (list && idParameter) operation.getById = { list: list.operationId, idParameter: idParameter.name };
  }
  return out;
}

/** The `x-` extensions of the component schemas that carry any, by schema name. */
export function schemaExtensions(doc: OpenApiDocument): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries<Record<string, unknown> | null>(doc.components?.schemas ?? {})) {
    const extensions = extensionsOf(schema ?? {});
    if (Object.keys(extensions).length > 0) out[name] = extensions;
  }
  return out;
}
