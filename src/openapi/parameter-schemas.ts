// The path and query parameters of each operation as one closed JSON Schema per location, for the validators that
// refuse a parameter the spec forbids before a request is sent.
import { rewriteSchemaRefs } from "./components-schema.ts";
import type { OpenApiDocument } from "./openapi-document.ts";
import { walkOperations } from "./walk-operations.ts";

/** The parameters of one operation in one location, as a closed object schema (property per parameter). */
export interface ParameterSchema {
  operationId: string;
  location: "path" | "query";
  schema: object;
}

/** JSON Schemas for the path and query parameters of each operation (as the walker resolved them), as closed objects. */
export function parameterSchemas(doc: OpenApiDocument): ParameterSchema[] {
  const out: ParameterSchema[] = [];
  for (const operation of walkOperations(doc)) {
    if (!operation.operationId) continue;
    for (const location of ["path", "query"] as const) {
      const params = operation.parameters.filter((p) => p.in === location);
      if (params.length === 0) continue;
      out.push({
        operationId: operation.operationId,
        location,
        schema: {
          type: "object",
          additionalProperties: false,
          required: params.filter((p) => p.required).map((p) => p.name),
          properties: Object.fromEntries(params.map((p) => [p.name, rewriteSchemaRefs(p.schema)])),
        },
      });
    }
  }
  return out;
}
