// The object component schemas that are `$ref` branches of an anyOf/oneOf: what the validator needs of each to explain
// a value that fails the union by one branch (src/validation/choose-union-branch.ts).
import type { OpenApiDocument } from "./openapi-document.ts";
import { lookupRef } from "./resolve-ref.ts";
import { walkOperations } from "./walk-operations.ts";

/** What the validator needs to know of an object schema that is a branch of a union: its own level only. */
export interface UnionBranchShape {
  component: string;
  required: string[];
  properties: string[];
}

type SchemaNode = { type?: unknown; properties?: unknown; required?: unknown; $ref?: unknown };

const isObjectSchema = (schema: SchemaNode | undefined): boolean =>
  schema?.type === "object" ||
  (Array.isArray(schema?.type) && schema.type.includes("object")) ||
  (schema?.properties !== undefined && schema.properties !== null && typeof schema.properties === "object");

const COMPONENT_PREFIX = "#/components/schemas/";

/** An object schema written inline as a branch of a union: the validator could not explain a body that fails it. */
export class InlineUnionBranchError extends Error {
  override name = "InlineUnionBranchError";
  constructor(
    /** Where the branch is written (`#/components/schemas/…/anyOf/1`). */
    readonly pointer: string,
  ) {
    super(
      `${pointer} is an inline object schema in a union: make it a component and $ref it, ` +
        "so that the validator can explain a body that fails the union",
    );
  }
}

/** The shape of one union branch at `at`, or undefined when it is not a named object component. */
function branchShape(doc: OpenApiDocument, branch: SchemaNode, at: string): UnionBranchShape | undefined {
  const ref = branch?.$ref;
  if (typeof ref !== "string") {
    if (isObjectSchema(branch)) throw new InlineUnionBranchError(at);
    return undefined;
  }
  if (!ref.startsWith(COMPONENT_PREFIX)) return undefined;
  const schema = lookupRef(doc, ref, at) as SchemaNode | undefined;
  if (!isObjectSchema(schema)) return undefined;
  return {
    component: ref.slice(COMPONENT_PREFIX.length),
    required: Array.isArray(schema!.required) ? schema!.required.map(String) : [],
    properties: Object.keys((schema!.properties as object | undefined) ?? {}),
  };
}

/**
 * The object component schemas named as a `$ref` branch of some anyOf/oneOf: the validator picks among them by the
 * evidence at the union's own level. An inline object branch has no name to explain it by, so it is refused here.
 */
export function unionBranchShapes(doc: OpenApiDocument): UnionBranchShape[] {
  const found = new Map<string, UnionBranchShape>();
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, `${at}/${i}`);
      });
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === "anyOf" || key === "oneOf") && Array.isArray(value)) {
        value.forEach((branch: SchemaNode, i) => {
          const shape = branchShape(doc, branch, `${at}/${key}/${i}`);
          if (shape) found.set(shape.component, shape);
        });
      }
      walk(value, `${at}/${key}`);
    }
  };
  walk(doc.components?.schemas, "#/components/schemas");
  for (const operation of walkOperations(doc)) {
    for (const parameter of operation.parameters) walk(parameter.schema, `#${parameter.schemaPointer}`);
    for (const { json } of operation.responses) if (json) walk(json.schema, `#${json.schemaPointer}`);
  }
  return [...found.values()].sort((a, b) => (a.component < b.component ? -1 : 1));
}
