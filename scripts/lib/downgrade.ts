// Turns our OpenAPI 3.1 document into an equivalent OpenAPI 3.0.3 one, for generators that only read 3.0.
//
// What changes:
//   - `type: [T, "null"]`  -> `type: T` + `nullable: true` (a nullable enum keeps `null` among its values, as 3.0
//     requires); a type list of several non-null types becomes an `anyOf` of one-type schemas.
//   - `const: v`           -> `enum: [v]`
//   - `examples: [a, …]`   -> `example: a` (Schema Objects only; media-type and parameter `examples` maps are 3.0 too)
//   - numeric `exclusiveMinimum`/`exclusiveMaximum` -> `minimum`/`maximum` + the boolean 3.0 form
//   - a `$ref` with sibling keywords -> `allOf: [{$ref}]` beside the siblings (3.0 ignores a `$ref`'s siblings)
//   - `$comment` is dropped (an annotation with no 3.0 counterpart and no effect on validation)
//   - `jsonSchemaDialect`, `info.summary` and `info.license.identifier` are dropped; the SPDX identifier becomes the
//     license `url` when there is none, so the information is not lost
//   - `summary`/`description` beside a `$ref` outside schemas are dropped (3.0 Reference Objects allow nothing else)
//
// What 3.0 cannot express, so the downgrade refuses it with an error instead of producing a document that quietly
// means something else: the `null` type on its own (or `const: null`/`enum` made only of null), schema keywords that
// JSON Schema 2020-12 has and 3.0's subset lacks (`prefixItems`, `if`/`then`/`else`, `$defs`, `patternProperties`,
// `unevaluatedProperties`, `dependentSchemas`, `contentMediaType`…), `webhooks`, `components.pathItems`, and the
// `mutualTLS` security scheme. None of them occurs in our spec today; the tests prove each refusal.
import { escapeToken, valueAtPointer } from "../../src/openapi/json-pointer.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { walkPathItems } from "../../src/openapi/walk-operations.ts";

/** JSON Schema keywords that OpenAPI 3.0's Schema Object does not have and that have no faithful 3.0 rewrite. */
const INEXPRESSIBLE_SCHEMA_KEYWORDS = [
  "$defs",
  "$id",
  "$anchor",
  "$dynamicRef",
  "$dynamicAnchor",
  "$schema",
  "$vocabulary",
  "prefixItems",
  "contains",
  "minContains",
  "maxContains",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "dependentRequired",
  "patternProperties",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contentMediaType",
  "contentEncoding",
  "contentSchema",
];

/** Keywords whose value is one subschema. */
const SUBSCHEMA_KEYWORDS = ["items", "not", "additionalProperties"];
/** Keywords whose value is a list of subschemas. */
const SUBSCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf"];

export class DowngradeError extends Error {
  override name = "DowngradeError";
  constructor(where: string, what: string) {
    super(`${where}: ${what} cannot be expressed in OpenAPI 3.0`);
  }
}

type Json = Record<string, any>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Returns a new OpenAPI 3.0.3 document; the input is left untouched. */
export function downgradeTo30(source: OpenApiDocument): OpenApiDocument {
  if (typeof source.openapi !== "string" || !source.openapi.startsWith("3.1.")) {
    throw new Error(`expected an OpenAPI 3.1 document, got openapi: ${JSON.stringify(source.openapi)}`);
  }
  const doc: Json = structuredClone(source);
  doc.openapi = "3.0.3";
  delete doc.jsonSchemaDialect;
  downgradeInfo(doc);

  if (doc.webhooks !== undefined && Object.keys(doc.webhooks).length > 0)
    throw new DowngradeError("#/webhooks", "webhooks");
  delete doc.webhooks;
  // `paths` is optional in 3.1 and required in 3.0.
  doc.paths ??= {};

  const components: Json = doc.components ?? {};
  if (components.pathItems !== undefined) throw new DowngradeError("#/components/pathItems", "reusable path items");
  pathItems(doc, doc.paths, "/paths");
  if (isObject(components.schemas)) {
    for (const [name, value] of Object.entries(components.schemas)) {
      components.schemas[name] = schema(value, `#/components/schemas/${escapeToken(name)}`);
    }
  }
  forEachEntry(components.parameters, "#/components/parameters", parameterLike);
  forEachEntry(components.headers, "#/components/headers", parameterLike);
  forEachEntry(components.requestBodies, "#/components/requestBodies", withContent);
  forEachEntry(components.responses, "#/components/responses", response);
  forEachEntry(components.callbacks, "#/components/callbacks", (value, at) => pathItems(doc, value, at.slice(1)));
  forEachEntry(components.securitySchemes, "#/components/securitySchemes", (scheme, at) => {
    if (scheme.type === "mutualTLS") throw new DowngradeError(at, "the mutualTLS security scheme");
  });
  for (const kind of ["parameters", "headers", "requestBodies", "responses", "callbacks", "examples", "links"]) {
    for (const [name, value] of Object.entries<any>(components[kind] ?? {})) components[kind][name] = reference(value);
  }
  return doc;
}

function downgradeInfo(doc: Json): void {
  const info: Json = doc.info ?? {};
  delete info.summary;
  const license = info.license;
  if (isObject(license)) {
    if (typeof license.identifier === "string" && license.url === undefined) {
      license.url = `https://spdx.org/licenses/${license.identifier}.html`;
    }
    delete license.identifier;
  }
}

// ---- walking the document down to its Schema Objects --------------------------------------------------------------

/** The path items of a paths map or a callback, as the shared walker finds them, downgraded in place in `doc`. */
function pathItems(doc: Json, map: unknown, pointer: string, done = new Set<string>()): void {
  for (const item of walkPathItems(doc, map, pointer)) {
    // Two paths may `$ref` one path item: the walker yields it for each, and once is enough.
    if (done.has(item.pointer)) continue;
    done.add(item.pointer);
    const at = `#${item.pointer}`;
    const value: Json = valueAtPointer(doc, item.pointer) as Json;
    forEachIndex(value.parameters, `${at}/parameters`, parameterLike);
    if (Array.isArray(value.parameters)) value.parameters = value.parameters.map(reference);
    for (const { pointer: operationPointer } of item.operations)
      operation(doc, valueAtPointer(doc, operationPointer) as Json, `#${operationPointer}`);
  }
}

function operation(doc: Json, value: Json, at: string): void {
  forEachIndex(value.parameters, `${at}/parameters`, parameterLike);
  if (Array.isArray(value.parameters)) value.parameters = value.parameters.map(reference);
  if (value.requestBody) {
    withContent(value.requestBody, `${at}/requestBody`);
    value.requestBody = reference(value.requestBody);
  }
  forEachEntry(value.responses, `${at}/responses`, response);
  for (const status of Object.keys(value.responses ?? {})) value.responses[status] = reference(value.responses[status]);
  forEachEntry(value.callbacks, `${at}/callbacks`, (callbackValue, callbackAt) =>
    pathItems(doc, callbackValue, callbackAt.slice(1)),
  );
}

function response(value: Json, at: string): void {
  withContent(value, at);
  forEachEntry(value.headers, `${at}/headers`, parameterLike);
  for (const name of Object.keys(value.headers ?? {})) value.headers[name] = reference(value.headers[name]);
}

/** Parameters and headers: a `schema` or a `content` map. */
function parameterLike(value: Json, at: string): void {
  if (value.schema !== undefined) value.schema = schema(value.schema, `${at}/schema`);
  withContent(value, at);
}

function withContent(value: Json, at: string): void {
  for (const [mediaType, media] of Object.entries<any>(value.content ?? {})) {
    const mediaAt = `${at}/content/${escapeToken(mediaType)}`;
    if (media.schema !== undefined) media.schema = schema(media.schema, `${mediaAt}/schema`);
    forEachEntry(media.encoding, `${mediaAt}/encoding`, (encoding, encodingAt) =>
      forEachEntry(encoding.headers, `${encodingAt}/headers`, parameterLike),
    );
  }
}

/** A Reference Object outside schemas: 3.0 allows nothing beside `$ref`, so 3.1's `summary`/`description` go. */
function reference<T>(value: T): T {
  if (isObject(value) && typeof value.$ref === "string") return { $ref: value.$ref } as T;
  return value;
}

// ---- the Schema Object itself -------------------------------------------------------------------------------------

function schema(input: unknown, at: string): unknown {
  // Boolean schemas (`true`/`false`) do not exist in 3.0.
  if (typeof input === "boolean") {
    if (input) return {};
    throw new DowngradeError(at, "the boolean schema `false`");
  }
  if (!isObject(input)) return input;
  const out: Json = { ...input };

  for (const keyword of INEXPRESSIBLE_SCHEMA_KEYWORDS) {
    if (keyword in out) throw new DowngradeError(at, `the \`${keyword}\` keyword`);
  }
  delete out.$comment;

  // Subschemas first, so that everything below sees already-downgraded children.
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    if (isObject(out[keyword]) || typeof out[keyword] === "boolean") {
      // `additionalProperties: true|false` is valid 3.0 as it is; only object subschemas need rewriting.
      if (keyword === "additionalProperties" && typeof out[keyword] === "boolean") continue;
      out[keyword] = schema(out[keyword], `${at}/${keyword}`);
    }
  }
  if (Array.isArray(out.items)) throw new DowngradeError(`${at}/items`, "a list of item schemas");
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    if (Array.isArray(out[keyword]))
      out[keyword] = out[keyword].map((s: unknown, i: number) => schema(s, `${at}/${keyword}/${i}`));
  }
  if (isObject(out.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([name, s]) => [name, schema(s, `${at}/properties/${escapeToken(name)}`)]),
    );
  }

  if ("examples" in out) {
    if (!Array.isArray(out.examples)) throw new DowngradeError(at, "a non-list `examples` in a schema");
    if (out.examples.length > 0 && !("example" in out)) out.example = out.examples[0];
    delete out.examples;
  }

  if ("const" in out) {
    if (Array.isArray(out.enum)) {
      const same = (v: unknown): boolean => JSON.stringify(v) === JSON.stringify(out.const);
      if (!out.enum.some(same)) throw new DowngradeError(at, "a `const` outside its own `enum`");
    }
    out.enum = [out.const];
    delete out.const;
  }

  for (const [exclusive, inclusive] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[exclusive] === "number") {
      // When both bounds are given, the tighter one wins; for a lower bound equal values make the exclusive one tighter.
      const bound = out[exclusive];
      const other = out[inclusive];
      const exclusiveIsTighter =
        typeof other !== "number" || (inclusive === "minimum" ? bound >= other : bound <= other);
      if (exclusiveIsTighter) {
        out[inclusive] = bound;
        out[exclusive] = true;
      } else {
        delete out[exclusive];
      }
    }
  }

  if ("type" in out) downgradeType(out, at);

  if (Array.isArray(out.enum) && out.enum.includes(null) && out.nullable !== true) {
    // Without `nullable: true` a 3.0 validator rejects null whatever the enum says.
    if (out.type === undefined) throw new DowngradeError(at, "an enum allowing null without a type");
    out.nullable = true;
  }

  if (typeof out.$ref === "string" && Object.keys(out).length > 1) {
    // 3.0 ignores every keyword beside `$ref`; moving the reference into `allOf` keeps the siblings in force.
    const { $ref, ...siblings } = out;
    return { ...siblings, allOf: [{ $ref }, ...(Array.isArray(siblings.allOf) ? siblings.allOf : [])] };
  }
  return out;
}

/** Rewrites a `type` list in place into the 3.0 `type` + `nullable` form (several types become an `anyOf`). */
function downgradeType(node: Json, at: string): void {
  const type: unknown = node.type;
  if (!Array.isArray(type)) {
    if (type === "null") throw new DowngradeError(at, "the `null` type on its own");
    return;
  }
  const nullable = type.includes("null");
  const others = type.filter((t) => t !== "null");
  if (others.length === 0) throw new DowngradeError(at, "the `null` type on its own");
  if (others.length === 1) {
    node.type = others[0];
    if (nullable) node.nullable = true;
    return;
  }
  if ("anyOf" in node) throw new DowngradeError(at, "a list of several types beside `anyOf`");
  // Several non-null types: one branch per type. Sibling keywords (format, minimum…) keep applying only to the types
  // they concern, exactly as in JSON Schema. 3.0's `nullable` only counts beside an explicit `type`, so each branch
  // carries it.
  delete node.type;
  node.anyOf = others.map((t) => ({ type: t, ...(nullable ? { nullable: true } : {}) }));
}

// ---- small helpers -------------------------------------------------------------------------------------------------

function forEachEntry(map: unknown, at: string, visit: (value: Json, at: string) => void): void {
  if (!isObject(map)) return;
  for (const [key, value] of Object.entries(map)) {
    // References are visited where they point to, under components.
    if (!isObject(value) || typeof value.$ref === "string") continue;
    visit(value, `${at}/${escapeToken(key)}`);
  }
}

function forEachIndex(list: unknown, at: string, visit: (value: Json, at: string) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((value, index) => {
    if (isObject(value) && typeof value.$ref !== "string") visit(value, `${at}/${index}`);
  });
}
