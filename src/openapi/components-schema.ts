// The spec's component schemas as one JSON Schema resource for ajv, and the `$ref` rewrite that points into it.
import type { OpenApiDocument } from "./openapi-document.ts";
import { walkOperations } from "./walk-operations.ts";

/** The `$id` under which the document's component schemas are registered with ajv. */
export const COMPONENTS_ID = "https://signalwire-video-logs.invalid/openapi/components.json";

/** Rewrites `#/components/schemas/X` references to point into the standalone components schema. */
export function rewriteSchemaRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map(rewriteSchemaRefs) as T;
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `${COMPONENTS_ID}#/$defs/${value.slice("#/components/schemas/".length)}`
        : rewriteSchemaRefs(value);
  }
  return out as T;
}

/** The document's component schemas as one JSON Schema 2020-12 resource. */
export function componentsSchema(doc: OpenApiDocument): object {
  return {
    $id: COMPONENTS_ID,
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $defs: rewriteSchemaRefs(doc.components?.schemas ?? {}),
  };
}

/** Every schema ajv compiles: the component schemas, then each operation's parameter and JSON body schemas. */
function compiledSchemas(doc: OpenApiDocument): unknown[] {
  return [
    ...Object.values(doc.components?.schemas ?? {}),
    ...walkOperations(doc).flatMap((operation) => [
      ...operation.parameters.map((parameter) => parameter.schema),
      ...operation.responses.map((response) => response.json?.schema),
    ]),
  ];
}

/** Every `x-` extension keyword used inside the schemas ajv compiles, so ajv can accept them in strict mode. */
export function schemaExtensionKeywords(doc: OpenApiDocument): string[] {
  const found = new Set<string>();
  const scan = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(scan);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith("x-")) found.add(key);
        scan(value);
      }
    }
  };
  compiledSchemas(doc).forEach(scan);
  return [...found].sort();
}
