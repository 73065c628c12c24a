// The validators of a spec given at run time, compiled by ajv in strict mode with the generator's own settings
// (src/openapi/spec-ajv.ts) from the same schemas the generator compiles into generated/: fast response and parameter
// validators now, the detailed ones (every error, and the union branches) on their first use.
import type { UnionBranch, Validator } from "../../generated/validators-detailed.js";
import { COMPONENTS_ID } from "../openapi/components-schema.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { parameterSchemas } from "../openapi/parameter-schemas.ts";
import { responseSchemas } from "../openapi/response-schemas.ts";
import { createSpecAjv } from "../openapi/spec-ajv.ts";
import { type UnionBranchShape, unionBranchShapes } from "../openapi/union-branch-shapes.ts";
import type { DetailedTables, ValidatorTable } from "../operations/active-spec.ts";

/** The `$ref` that names a union branch, as the validators' tables key it. */
export const branchRef = (branch: UnionBranchShape): string => `${COMPONENTS_ID}#/$defs/${branch.component}`;

type Compile = (id: string, schema: object) => Validator;

/** Per operationId, per key, the validator of each schema, compiled under an `$id` of `prefix:operation_key`. */
function table(entries: { operationId: string; key: string; schema: object }[], prefix: string, compile: Compile) {
  const out: Record<string, Record<string, Validator>> = {};
  for (const { operationId, key, schema } of entries) {
    out[operationId] ??= {};
    out[operationId]![key] = compile(`${prefix}:${operationId}_${key}`, schema);
  }
  return out;
}

function compiler(doc: OpenApiDocument, detailed: boolean): Compile {
  const ajv = createSpecAjv(doc, { detailed });
  return (id, schema) => ajv.compile({ ...schema, $id: id }) as unknown as Validator;
}

const responses = (doc: OpenApiDocument) =>
  responseSchemas(doc).map(({ operationId, status, schema }) => ({ operationId, key: status, schema }));

/** The fast validators: they stop at the first error, as generated/validators.js does. */
export function compileFastValidators(doc: OpenApiDocument): {
  responseValidators: ValidatorTable;
  requestValidators: ValidatorTable;
} {
  const compile = compiler(doc, false);
  const parameters = parameterSchemas(doc).map(({ operationId, location, schema }) => ({
    operationId,
    key: location,
    schema,
  }));
  return {
    responseValidators: table(responses(doc), "response", compile),
    requestValidators: table(parameters, "request", compile),
  };
}

/** The detailed validators (every error, each with its schema) and the union branches, as validators-detailed.js. */
export function compileDetailedValidators(doc: OpenApiDocument): DetailedTables {
  const ajv = createSpecAjv(doc, { detailed: true });
  const compile: Compile = (id, schema) => ajv.compile({ ...schema, $id: id }) as unknown as Validator;
  const unionBranches: Record<string, UnionBranch> = {};
  for (const branch of unionBranchShapes(doc)) {
    const validate = ajv.getSchema(branchRef(branch)) as unknown as Validator;
    unionBranches[branchRef(branch)] = { validate, required: branch.required, properties: branch.properties };
  }
  return { responseValidators: table(responses(doc), "response", compile), unionBranches };
}
