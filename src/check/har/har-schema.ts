// The HAR 1.2 structure check: the `har-schema` package's JSON Schemas (draft-06), compiled once, on first use, with
// the ajv the toolkit already depends on. A live check never loads any of it.
import { createRequire } from "node:module";
import type { Ajv, AnySchemaObject, ErrorObject, ValidateFunction } from "ajv";
import type { HarLog } from "./har-types.ts";

/**
 * Keywords of har-schema's that are not JSON Schema (`min` where `minimum` was meant, `optional`, `unique`): declared
 * as annotations, so ajv's strict mode accepts the schemas and they assert what they say in standard keywords only.
 */
const HAR_SCHEMA_ANNOTATIONS = ["optional", "min", "unique"];

let compiled: ValidateFunction<HarLog> | undefined;

function compile(): ValidateFunction<HarLog> {
  const require = createRequire(import.meta.url);
  // Draft-06 schemas: ajv's default class (draft-07) with the draft-06 meta-schema added, as ajv documents.
  const AjvDraft7 = (require("ajv") as { default: typeof Ajv }).default;
  const addFormats = (require("ajv-formats") as { default: (ajv: Ajv) => Ajv }).default;
  const schemas = require("har-schema") as Record<string, AnySchemaObject>;
  const ajv = new AjvDraft7({
    strict: true,
    // har-schema puts object keywords on schemas without `type: "object"` (timings, cache) and on an array (postData's
    // params); strictTypes would refuse the published schemas themselves. The other strict checks stay on.
    strictTypes: false,
    // The first error is the one reported; a recording of thousands of entries is not worth listing every one.
    allErrors: false,
  });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as AnySchemaObject);
  addFormats(ajv);
  // A request's URL as browsers serialise it (WHATWG) may hold characters RFC 3986 does not ([ ] | ^ in a query): any
  // string is accepted here, and an entry whose URL does not parse is skipped on its own, with why.
  ajv.addFormat("uri", true);
  // Chrome writes an IPv6 serverIPAddress in brackets, as in a URL ("[::1]"): the address inside is what is checked.
  const { fullFormats } = require("ajv-formats/dist/formats") as { fullFormats: { ipv6: RegExp } };
  ajv.addFormat("ipv6", (address: string) => fullFormats.ipv6.test(/^\[(.*)\]$/s.exec(address)?.[1] ?? address));
  ajv.addVocabulary(HAR_SCHEMA_ANNOTATIONS);
  for (const [name, schema] of Object.entries(schemas)) if (name !== "har") ajv.addSchema(schema);
  return ajv.compile<HarLog>(schemas.har!);
}

/** The first way `value` is not a HAR 1.2 log, or undefined when it is one. */
export function harStructureError(value: unknown): ErrorObject | undefined {
  compiled ??= compile();
  return compiled(value) ? undefined : (compiled.errors?.[0] ?? { instancePath: "", schemaPath: "", keyword: "", params: {}, message: "is not a HAR log" });
}
