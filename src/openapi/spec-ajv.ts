// One ajv setup for every consumer of the spec: the generated validators, the example gate and the tests.
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { componentsSchema, schemaExtensionKeywords } from "./components-schema.ts";
import type { OpenApiDocument } from "./openapi-document.ts";

// ajv-formats is CommonJS; its default export arrives wrapped when imported from ESM.
const addFormats = addFormatsModule.default.default;

/** Keywords OpenAPI 3.1 allows in a Schema Object that are annotations, not JSON Schema assertions. */
const OPENAPI_SCHEMA_KEYWORDS = ["discriminator", "xml", "externalDocs", "example"];

export interface SpecAjvOptions {
  /**
   * Emit standalone code (for generated/): `"module"` exports each validator (`export const`), `"function"` assigns it
   * to an `exports` object, for code that runs inside a function.
   */
  standalone?: "module" | "function";
  /**
   * Collect every error, each with its schema, so a failure can be explained (the default). Off, validation stops at
   * the first error and a union at its first matching branch: the fast path for bodies that are valid.
   */
  detailed?: boolean;
}

export function createSpecAjv(doc: OpenApiDocument, options: SpecAjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: options.detailed ?? true,
    // Errors carry their schema, so a failed anyOf can be explained by its best-matching branch.
    verbose: options.detailed ?? true,
    // The spec's schemas are known at build time; inline code keeps the standalone module self-contained.
    code: options.standalone ? { source: true, esm: options.standalone === "module", lines: false } : { lines: false },
  });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_SCHEMA_KEYWORDS, ...schemaExtensionKeywords(doc)]);
  ajv.addSchema(componentsSchema(doc));
  return ajv;
}
