// What a run can see of what the spec declares, per operation: its response statuses, its query and path parameters,
// and in its response schemas each enum's values, each union's branches, and each optional or nullable property.
// Every one is an item with an index; the schemas are compiled into the nodes the body walk follows. Derived from the
// document alone (by the one walker), so a new operation, field or status is covered with no code change.
import { specDocument } from "../../../generated/spec-document.js";
import type { OpenApiDocument } from "../../openapi/openapi-document.ts";
import { walkOperations } from "../../openapi/walk-operations.ts";
import { perSpec } from "../../operations/active-spec.ts";
import type { CoveredPropertyState } from "../../report/report-types.ts";
import { type DeclaredGroup, SchemaCompiler, type SchemaNode } from "./schema-nodes.ts";

export interface OperationPlan {
  operationId: string;
  /** Items 0 to statuses.length - 1. */
  statuses: string[];
  /** The items after the statuses. */
  parameters: string[];
  /** How many of `parameters` (the first ones) are path parameters: any request of the operation sends them. */
  pathParameters: number;
  enums: DeclaredGroup<unknown>[];
  unions: DeclaredGroup<string>[];
  properties: DeclaredGroup<CoveredPropertyState>[];
  /** The root node of each declared status's JSON body, by the status as the spec writes it. */
  bodies: Map<string, SchemaNode>;
  /** How many items in all. */
  size: number;
}

export type CoveragePlan = ReadonlyMap<string, OperationPlan>;

/** Every operation of the document with an operationId, in document order. */
export function coveragePlan(doc: OpenApiDocument): CoveragePlan {
  const plan = new Map<string, OperationPlan>();
  for (const operation of walkOperations(doc)) {
    if (operation.operationId === undefined) continue;
    const statuses = operation.responses.map((response) => response.status);
    const parameters = ["path", "query"].flatMap((location) =>
      operation.parameters.filter((parameter) => parameter.in === location).map((parameter) => parameter.name),
    );
    const compiler = new SchemaCompiler(doc, statuses.length + parameters.length);
    const bodies = new Map<string, SchemaNode>();
    for (const { status, json } of operation.responses) {
      const node = json ? compiler.compile(json.schema, json.schemaPointer) : undefined;
      if (node) bodies.set(status, node);
    }
    compiler.finish();
    plan.set(operation.operationId, {
      operationId: operation.operationId,
      statuses,
      parameters,
      pathParameters: operation.parameters.filter((parameter) => parameter.in === "path").length,
      enums: compiler.enums,
      unions: compiler.unions,
      properties: compiler.properties,
      bodies,
      size: compiler.size,
    });
  }
  return plan;
}

/**
 * The plan of the active spec (`--spec`, else the toolkit's own), compiled on first use for each spec: a document
 * given at run time is the one its coverage counts; the built-in spec is read as generated data, not parsed YAML.
 */
export const defaultCoveragePlan: () => CoveragePlan = perSpec((spec) =>
  coveragePlan(spec.document ?? (specDocument as OpenApiDocument)),
);
