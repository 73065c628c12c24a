// A spec given at run time (`--spec FILE`) as the toolkit reads it: the operation table from the generator's own
// builder, the validators compiled now by ajv with the generator's settings. The document must have passed the gates
// (src/openapi/document-gates.ts) first.

import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { unionBranchShapes } from "../openapi/union-branch-shapes.ts";
import type { SpecTables } from "../operations/active-spec.ts";
import { operationTable, schemaExtensions } from "../operations/build-operation-table.ts";
import { branchRef, compileDetailedValidators, compileFastValidators } from "./compile-validators.ts";

export function specTablesFromDocument(document: OpenApiDocument, file?: string): SpecTables {
  const fast = compileFastValidators(document);
  let detailed: ReturnType<typeof compileDetailedValidators> | undefined;
  return {
    ...(file !== undefined ? { file } : {}),
    document,
    operations: Object.fromEntries(operationTable(document).map((operation) => [operation.operationId, operation])),
    schemaExtensions: schemaExtensions(document),
    unionBranchShapes: Object.fromEntries(
      unionBranchShapes(document).map((branch) => [
        branchRef(branch),
        { required: branch.required, properties: branch.properties },
      ]),
    ),
    ...fast,
    detailed: () => {
      detailed ??= compileDetailedValidators(document);
      return detailed;
    },
  };
}
