// The response bodies the validators check, read from the shared walker.

import { rewriteSchemaRefs } from "./components-schema.ts";
import type { OpenApiDocument } from "./openapi-document.ts";
import { walkOperations } from "./walk-operations.ts";

/** One response body the validators check: an operation, a status and the schema of its JSON body. */
export interface ResponseSchema {
  operationId: string;
  method: string;
  path: string;
  status: string;
  /** The body's schema, its component references pointed into the components schema (see components-schema.ts). */
  schema: object;
  /** Named examples of this response, already resolved. */
  examples: Record<string, unknown>;
}

/** Every JSON response body declared by the document, in document order. */
export function responseSchemas(doc: OpenApiDocument): ResponseSchema[] {
  return walkOperations(doc).flatMap((operation) => {
    const { operationId } = operation;
    if (operationId === undefined)
      throw new Error(
        `${operation.method.toUpperCase()} ${operation.path} has no operationId to name its validators by`,
      );
    return operation.responses.flatMap(({ status, json }) =>
      json?.schema
        ? [
            {
              operationId,
              method: operation.method,
              path: operation.path,
              status,
              schema: rewriteSchemaRefs(json.schema as object),
              examples: json.examples,
            },
          ]
        : [],
    );
  });
}
