// Loads our OpenAPI document and turns its response schemas into JSON Schemas ajv can compile.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { resolvePointer } from "../../src/openapi/json-pointer.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";

export { resolvePointer };
export const SPEC_PATH = defaultSpecPath();

/** The `$id` under which the document's component schemas are registered with ajv. */
export const COMPONENTS_ID = "https://signalwire-video-logs.invalid/openapi/components.json";

// Loose typing on purpose: this module reads any OpenAPI 3.1 document shaped like ours.
export type OpenApiDocument = Record<string, any>;

export function loadSpec(path: string = SPEC_PATH): OpenApiDocument {
  return parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

/** One response body the validators check: an operation, a status and the schema of its JSON body. */
export interface ResponseSchema {
  operationId: string;
  method: string;
  path: string;
  status: string;
  schema: object;
  /** Named examples of this response, already resolved. */
  examples: Record<string, unknown>;
}

function deref<T = any>(doc: OpenApiDocument, node: any): T {
  let current = node;
  while (current && typeof current.$ref === "string") current = resolvePointer(doc, current.$ref);
  return current as T;
}

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

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every JSON response body declared by the document, in document order. */
export function responseSchemas(doc: OpenApiDocument): ResponseSchema[] {
  const out: ResponseSchema[] = [];
  for (const [path, pathItem] of Object.entries<any>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      for (const [status, responseOrRef] of Object.entries<any>(operation.responses ?? {})) {
        const media = deref(doc, responseOrRef).content?.["application/json"];
        if (!media?.schema) continue;
        const examples: Record<string, unknown> = {};
        for (const [name, example] of Object.entries<any>(media.examples ?? {})) {
          examples[name] = deref(doc, example).value;
        }
        out.push({
          operationId: operation.operationId,
          method,
          path,
          status,
          schema: rewriteSchemaRefs(media.schema),
          examples,
        });
      }
    }
  }
  return out;
}

/** Every `x-` extension keyword used inside the document's schemas, so ajv can accept them in strict mode. */
export function schemaExtensionKeywords(doc: OpenApiDocument): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith("x-")) found.add(key);
        walk(value);
      }
    }
  };
  walk(doc.components?.schemas);
  walk(doc.paths);
  return [...found].sort();
}
