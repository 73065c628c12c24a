// The gate of schemas: every component, response body and parameter schema compiles with ajv in strict mode, with the
// settings of the generator's validators (src/openapi/spec-ajv.ts), and every union of objects names its branches.
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { SpecProblem } from "../../errors/spec-document-error.ts";
import { COMPONENTS_ID, rewriteSchemaRefs } from "../components-schema.ts";
import { valueAtPointer } from "../json-pointer.ts";
import type { OpenApiDocument } from "../openapi-document.ts";
import { createSpecAjv } from "../spec-ajv.ts";
import { InlineUnionBranchError, unionBranchShapes } from "../union-branch-shapes.ts";
import { walkOperations } from "../walk-operations.ts";
import { childOf, type DocumentGate, located } from "./document-gate.ts";
import { subschemas } from "./schema-nodes.ts";

/**
 * ajv's message in the document's terms: its names of places turned into the document's pointers, the place it names
 * (`at "…"`) made the problem's pointer, its advice to ajv's user turned into advice to the spec's author.
 */
function inDocumentTerms(doc: OpenApiDocument, message: string, pointer: string): SpecProblem {
  const text = message
    .replace(" ignored in schema", "")
    .replaceAll(`${COMPONENTS_ID}#/$defs/`, "#/components/schemas/")
    .replaceAll(`"${COMPONENTS_ID}#`, `"#${pointer}`)
    .replaceAll(` from id ${COMPONENTS_ID}`, "")
    .replace(/ at path "#/, ` at "#${pointer}`)
    .replace(
      /use allowUnionTypes to allow union type keyword/,
      'a type lists two types other than "null" (write an anyOf with one type in each branch)',
    );
  const place = / at "(#[^"]*)"/.exec(text);
  if (place) return { pointer: place[1]!, message: text.replace(place[0], "") };
  // An unknown keyword is named without its place: the first subschema that holds it.
  const keyword = /unknown keyword: "(.*)"$/.exec(text)?.[1];
  const holder = subschemas(valueAtPointer(doc, pointer), pointer).find(
    ({ node }) => keyword !== undefined && keyword in node,
  );
  return { pointer: located(holder?.pointer ?? pointer), message: text };
}

/** The components a schema names with a `$ref`, anywhere in it. */
function referencedComponents(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) referencedComponents(item, out);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/"))
        out.add(value.slice("#/components/schemas/".length));
      else referencedComponents(value, out);
    }
  }
  return out;
}

const failure = (compile: () => unknown): string | undefined => {
  try {
    compile();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/** The components that fail to compile, with ajv's message. */
function failedComponents(doc: OpenApiDocument, ajv: Ajv2020): Map<string, string> {
  const failed = new Map<string, string>();
  for (const name of Object.keys(doc.components?.schemas ?? {})) {
    const message = failure(() => ajv.getSchema(`${COMPONENTS_ID}#/$defs/${name}`));
    if (message !== undefined) failed.set(name, message);
  }
  return failed;
}

/** True when a schema names a component that fails: its own failure is that component's. */
const namesFailed = (schema: unknown, failed: Map<string, string>, self?: string): boolean =>
  [...referencedComponents(schema)].some((name) => name !== self && failed.has(name));

/** The failing components whose fault is their own, not one of a component they name (all, if that leaves none). */
function componentProblems(doc: OpenApiDocument, failed: Map<string, string>): SpecProblem[] {
  const components: Record<string, unknown> = doc.components?.schemas ?? {};
  const own = [...failed].filter(([name]) => !namesFailed(components[name], failed, name));
  return (own.length > 0 ? own : [...failed]).map(([name, message]) => {
    return inDocumentTerms(doc, message, childOf("/components/schemas", name));
  });
}

/** The operations' own schemas (JSON bodies, parameters) that fail to compile, and operations without an id. */
function operationProblems(doc: OpenApiDocument, ajv: Ajv2020, failed: Map<string, string>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const compile = (schema: unknown, pointer: string) => {
    const message = failure(() => ajv.compile(rewriteSchemaRefs((schema ?? {}) as object)));
    if (message === undefined || namesFailed(schema, failed)) return;
    problems.push(inDocumentTerms(doc, message, pointer));
  };
  for (const operation of walkOperations(doc)) {
    if (operation.operationId === undefined)
      problems.push({ pointer: located(operation.pointer), message: "has no operationId to name its validators by" });
    for (const parameter of operation.parameters) compile(parameter.schema, parameter.schemaPointer);
    for (const { json } of operation.responses) if (json) compile(json.schema, json.schemaPointer);
  }
  return problems;
}

export const STRICT_SCHEMAS_GATE: DocumentGate = {
  name: "strict-schemas",
  reason: "has a schema that does not compile with ajv in strict mode, as the toolkit's validators are compiled",
  problems(doc) {
    let ajv: Ajv2020;
    try {
      ajv = createSpecAjv(doc);
    } catch (error) {
      const message = (error as Error).message.replaceAll("data/$defs/", "#/components/schemas/");
      return [{ pointer: located("/components/schemas"), message }];
    }
    const failed = failedComponents(doc, ajv);
    const problems = [...componentProblems(doc, failed), ...operationProblems(doc, ajv, failed)];
    try {
      unionBranchShapes(doc);
    } catch (error) {
      if (!(error instanceof InlineUnionBranchError)) throw error;
      problems.push({
        pointer: error.pointer,
        message: "is an inline object schema in a union: make it a component and $ref it",
      });
    }
    return problems;
  },
};
