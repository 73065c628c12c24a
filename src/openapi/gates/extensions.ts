// The gate of the `x-` extensions the toolkit reads (docs/spec.md, "Extensions we use"): each where it belongs (a schema,
// a query parameter) and shaped as described. Other `x-` extensions are the author's own and are left alone.
import type { SpecProblem } from "../../errors/spec-document-error.ts";
import { valueAtPointer } from "../json-pointer.ts";
import type { OpenApiDocument } from "../openapi-document.ts";
import { walkOperations } from "../walk-operations.ts";
import { childOf, type DocumentGate, located } from "./document-gate.ts";
import { schemaNodes } from "./schema-nodes.ts";

type Container = "schema" | "query parameter";
type Shape = (value: unknown, container: Record<string, unknown>) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const declared = (schema: Record<string, unknown>, name: unknown): boolean =>
  typeof name === "string" && isObject(schema.properties) && Object.hasOwn(schema.properties, name);

const isTrue: Shape = (value) => (value === true ? undefined : "must be true");

const sentence: Shape = (value) =>
  typeof value === "string" && value.trim() !== "" ? undefined : "must be a sentence saying why (a non-empty string)";

const onlyKeys = (value: Record<string, unknown>, keys: string[]): string | undefined => {
  const other = Object.keys(value).find((key) => !keys.includes(key));
  return other === undefined ? undefined : `has ${JSON.stringify(other)}, which is none of ${keys.join(", ")}`;
};

const settledWhen: Shape = (value, schema) => {
  if (!isObject(value) || !("equals" in value)) return "must be an object with field and equals";
  if (!declared(schema, value.field)) return "field must name a property of this schema";
  return onlyKeys(value, ["field", "equals"]);
};

const stableFields: Shape = (value, schema) => {
  if (!Array.isArray(value) || value.length === 0) return "must be a non-empty list of property names";
  const stray = value.find((name) => !declared(schema, name));
  if (stray !== undefined) return `names ${JSON.stringify(stray)}, which is not a property of this schema`;
  return new Set(value).size === value.length ? undefined : "names a property twice";
};

const COMPARE = ["after", "before", "same-utc-day"];
const filter: Shape = (value) => {
  if (!isObject(value) || typeof value.field !== "string" || value.field === "")
    return "must be an object whose field names the items' property it compares";
  if (!COMPARE.includes(value.compare as string)) return `compare must be one of ${COMPARE.join(", ")}`;
  if (value.boundary !== undefined && value.boundary !== "unspecified")
    return 'boundary, when given, must be "unspecified"';
  return onlyKeys(value, ["field", "compare", "boundary"]);
};

/** The extensions the toolkit reads: where each belongs and what shape it has. */
export const READ_EXTENSIONS: Readonly<Record<string, { on: Container; shape: Shape }>> = {
  "x-differs-from-vendor": { on: "schema", shape: sentence },
  "x-discarded-form": { on: "schema", shape: isTrue },
  "x-settled-when": { on: "schema", shape: settledWhen },
  "x-stable-fields": { on: "schema", shape: stableFields },
  "x-includes-discarded": { on: "query parameter", shape: isTrue },
  "x-page-size": { on: "query parameter", shape: isTrue },
  "x-filter": { on: "query parameter", shape: filter },
};

/** Maps whose keys are names (of properties, components…), not keywords: an `x-` key there is a name. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
/** Values that are data, not description: nothing in them is an extension. */
const DATA = new Set(["example", "examples", "default", "const", "enum"]);

/** Every object of the document where an extension could be written, with its pointer. */
function extensionHolders(node: unknown, pointer: string, names: boolean, out: [Record<string, unknown>, string][]) {
  if (Array.isArray(node))
    node.forEach((item, index) => {
      extensionHolders(item, childOf(pointer, index), false, out);
    });
  if (!isObject(node)) return out;
  if (!names) out.push([node, pointer]);
  for (const [key, value] of Object.entries(node)) {
    // In a map of names, every key is a name and every value an object of the document.
    if (!names && (DATA.has(key) || key.startsWith("x-"))) continue;
    const nameMap = !names && (NAME_MAPS.has(key) || pointer === "/components");
    extensionHolders(value, childOf(pointer, key), nameMap, out);
  }
  return out;
}

function containers(doc: OpenApiDocument): Map<unknown, Container> {
  const out = new Map<unknown, Container>(schemaNodes(doc).map(({ node }) => [node, "schema"]));
  for (const operation of walkOperations(doc))
    for (const parameter of operation.parameters)
      if (parameter.in === "query") out.set(valueAtPointer(doc, parameter.pointer), "query parameter");
  return out;
}

export const EXTENSIONS_GATE: DocumentGate = {
  name: "extensions",
  reason: "has an x- extension the toolkit reads that is not written as docs/spec.md describes (Extensions we use)",
  problems(doc) {
    const kinds = containers(doc);
    const problems: SpecProblem[] = [];
    for (const [holder, pointer] of extensionHolders(doc, "", false, [])) {
      for (const [name, value] of Object.entries(holder)) {
        const rule = READ_EXTENSIONS[name];
        if (!rule) continue;
        const at = located(childOf(pointer, name));
        const message = kinds.get(holder) !== rule.on ? `belongs on a ${rule.on}` : rule.shape(value, holder);
        if (message !== undefined) problems.push({ pointer: at, message });
      }
    }
    return problems;
  },
};
