// The gate of a document's structure: OpenAPI 3.1, checked against the official OAS 3.1 schema (vendored in
// schemas/vendor/, never fetched) compiled with ajv, every Schema Object against the JSON Schema 2020-12 meta-schema.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { valueAtPointer } from "../json-pointer.ts";
import type { OpenApiDocument } from "../openapi-document.ts";
import { packageFilePath as packageFile } from "../spec-path.ts";
import { ajvErrorText } from "./ajv-error-text.ts";
import { type DocumentGate, located, quoted } from "./document-gate.ts";

// ajv-formats is CommonJS; its default export arrives wrapped when imported from ESM.
const addFormats = addFormatsModule.default.default;

export const OAS_31_SCHEMA_FILE = "schemas/vendor/openapi-3.1.schema.json";
const OAS_31_SCHEMA_ID = "https://spec.openapis.org/oas/3.1/schema";
const JSON_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";
/** The dialects whose schemas the toolkit compiles: JSON Schema 2020-12, and OpenAPI's base dialect built on it. */
const DIALECTS = [JSON_SCHEMA_2020_12, "https://spec.openapis.org/oas/3.1/dialect/base"];

let compiled: ValidateFunction | undefined;

/** `{"$dynamicRef": "#meta"}` (a Schema Object, wherever the schema admits one) as `{"$ref": "#/$defs/schema"}`. */
function withoutDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDynamicRefs);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === "$dynamicRef" && value === "#meta" ? ["$ref", "#/$defs/schema"] : [key, withoutDynamicRefs(value)],
    ),
  );
}

/**
 * The official schema, compiled once. ajv does not follow its `$dynamicRef` to a Schema Object across resources, so
 * that reference is read as a `$ref` to the schema's own `#/$defs/schema`, here the JSON Schema 2020-12 meta-schema.
 */
function oasValidator(): ValidateFunction {
  if (compiled) return compiled;
  const official = JSON.parse(readFileSync(packageFile(OAS_31_SCHEMA_FILE), "utf8"));
  const schema = withoutDynamicRefs(official) as { $defs: Record<string, unknown> };
  schema.$defs.schema = { $ref: JSON_SCHEMA_2020_12 };
  // The official schema is not written for ajv's strict mode: its type, required and pattern checks are left out,
  // unknown keywords are still refused.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allowMatchingProperties: true });
  addFormats(ajv);
  // An OpenAPI format (a media type or range, `application/json`, `text/*`) that ajv-formats does not know.
  ajv.addFormat("media-range", true);
  compiled = ajv.compile({ ...schema, $id: OAS_31_SCHEMA_ID });
  return compiled;
}

/** What the official schema cannot say as plainly: the version and the dialect the toolkit reads. */
function versionProblems(doc: OpenApiDocument) {
  if (doc === null || typeof doc !== "object") return [];
  const version = doc.openapi === undefined ? undefined : String(doc.openapi);
  if (version !== undefined && !/^3\.1\.\d+(-.+)?$/.test(version) && typeof doc.openapi === "string") {
    return [
      { pointer: located("/openapi"), message: `is ${quoted(doc.openapi)}: the toolkit reads OpenAPI 3.1 documents` },
    ];
  }
  if (doc.jsonSchemaDialect !== undefined && !DIALECTS.includes(doc.jsonSchemaDialect)) {
    return [
      {
        pointer: located("/jsonSchemaDialect"),
        message: `is ${quoted(doc.jsonSchemaDialect)}: the toolkit compiles schemas as JSON Schema 2020-12 (${JSON_SCHEMA_2020_12})`,
      },
    ];
  }
  return [];
}

export const OPENAPI_STRUCTURE_GATE: DocumentGate = {
  name: "openapi-3.1",
  reason: "is not a valid OpenAPI 3.1 document (checked against the official OAS 3.1 schema)",
  problems(doc) {
    const version = versionProblems(doc);
    if (version.length > 0) return version;
    const validate = oasValidator();
    if (validate(doc)) return [];
    const errors = validate.errors ?? [];
    const first = errors[0]!;
    return [
      { pointer: located(first.instancePath), message: ajvErrorText(errors, valueAtPointer(doc, first.instancePath)) },
    ];
  },
};
