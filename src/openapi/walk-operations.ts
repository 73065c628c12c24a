// The one OpenAPI walker: every operation of a parsed document as plain data, with its `$ref`s followed.
// Pure: it reads the document and never changes it; schemas, examples and extension values in its output are the
// document's own objects (not copies), so a reader that wants to change one clones it first.
import { escapeToken } from "./json-pointer.ts";
import type { OpenApiDocument } from "./openapi-document.ts";
import { followRefs } from "./resolve-ref.ts";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface WalkedParameter {
  name: string;
  /** Where the parameter goes: "path", "query", "header" or "cookie". */
  in: string;
  required: boolean;
  /** The parameter's schema as written (its own `$ref`s left for the reader), from `schema` or `content.*.schema`. */
  schema: unknown;
  schemaPointer: string;
  /** Where the Parameter Object is written, once its `$ref`s are followed. */
  pointer: string;
  description?: string;
  /** The parameter's `x-` extensions, by name. */
  extensions: Record<string, unknown>;
}

export interface WalkedJsonBody {
  mediaType: string;
  /** The body's schema as written (its own `$ref`s left for the reader). */
  schema: unknown;
  schemaPointer: string;
  /** Named examples, `$ref`s followed, by name: the example's `value`. */
  examples: Record<string, unknown>;
  /** The media type's single unnamed `example`, when it has one. */
  example?: unknown;
}

export interface WalkedResponse {
  /** The status key as written: "200", "4XX", "default". */
  status: string;
  /** Where the operation lists this response (before its `$ref` is followed). */
  pointer: string;
  /** Where the Response Object is written, once its `$ref`s are followed. */
  resolvedPointer: string;
  description?: string;
  /** The JSON body, when the response declares one with a schema. */
  json?: WalkedJsonBody;
}

export interface WalkedOperation {
  operationId?: string;
  /** Lower case, as the document writes it: "get". */
  method: string;
  path: string;
  summary?: string;
  tags: string[];
  /** Path-level parameters overridden by the operation's own of the same name and location, in declaration order. */
  parameters: WalkedParameter[];
  /** Every declared response, JSON body or not, in the parsed document's key order (numeric statuses ascending). */
  responses: WalkedResponse[];
  /** The operation's `x-` extensions, by name. */
  extensions: Record<string, unknown>;
  /** Pointer of the Operation Object, and of the Path Item that holds it (after a path item `$ref`). */
  pointer: string;
  pathItemPointer: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const extensionsOf = (node: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(node).filter(([key]) => key.startsWith("x-")));

const child = (parent: string, ...tokens: Array<string | number>): string =>
  parent + tokens.map((token) => `/${escapeToken(token)}`).join("");

/** One path item of a paths map (or of a callback, which has the same shape), with its operations. */
export interface WalkedPathItem {
  /** The map key: a path template, or a callback's runtime expression. */
  path: string;
  /** Where the Path Item Object is written, once its `$ref` is followed. */
  pointer: string;
  operations: WalkedOperation[];
}

/**
 * Every path item of a paths-shaped map, in document order: by default the document's `paths`; a callback's map can
 * be given with its pointer. Throws a RefError on a `$ref` that cannot be followed.
 */
export function walkPathItems(doc: OpenApiDocument, paths: unknown = doc.paths, pointer = "/paths"): WalkedPathItem[] {
  return Object.entries(isObject(paths) ? paths : {}).flatMap(([path, rawItem]) => {
    const item = followRefs(doc, rawItem, child(pointer, path));
    if (!isObject(item.value)) return [];
    const pathItem = item.value;
    const operations = HTTP_METHODS.filter((method) => isObject(pathItem[method])).map((method) =>
      walkOperation(doc, path, method, pathItem, item.pointer),
    );
    return [{ path, pointer: item.pointer, operations }];
  });
}

/** Every operation of the document, in document order. Throws a RefError on a `$ref` that cannot be followed. */
export function walkOperations(doc: OpenApiDocument): WalkedOperation[] {
  return walkPathItems(doc).flatMap((item) => item.operations);
}

function walkOperation(
  doc: OpenApiDocument,
  path: string,
  method: string,
  pathItem: Record<string, unknown>,
  pathItemPointer: string,
): WalkedOperation {
  const pointer = child(pathItemPointer, method);
  const operation = pathItem[method] as Record<string, unknown>;
  const byKey = new Map<string, WalkedParameter>();
  // Map.set keeps the first position of a key: an operation-level override takes the path-level one's place.
  for (const parameter of [
    ...parameterList(doc, pathItem.parameters, child(pathItemPointer, "parameters")),
    ...parameterList(doc, operation.parameters, child(pointer, "parameters")),
  ]) {
    byKey.set(`${parameter.in}\u0000${parameter.name}`, parameter);
  }
  return {
    ...(typeof operation.operationId === "string" ? { operationId: operation.operationId } : {}),
    method,
    path,
    ...(typeof operation.summary === "string" ? { summary: operation.summary } : {}),
    tags: Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === "string") : [],
    parameters: [...byKey.values()],
    responses: responseList(doc, operation.responses, child(pointer, "responses")),
    extensions: extensionsOf(operation),
    pointer,
    pathItemPointer,
  };
}

function parameterList(doc: OpenApiDocument, list: unknown, pointer: string): WalkedParameter[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw, index) => {
    const { value, pointer: at } = followRefs(doc, raw, child(pointer, index));
    if (!isObject(value) || typeof value.name !== "string" || typeof value.in !== "string") return [];
    return [
      {
        name: value.name,
        in: value.in,
        required: value.required === true,
        ...schemaOf(value, at),
        pointer: at,
        ...(typeof value.description === "string" ? { description: value.description } : {}),
        extensions: extensionsOf(value),
      },
    ];
  });
}

/** A parameter's schema is under `schema`, or under `content.<media type>.schema`. */
function schemaOf(parameter: Record<string, unknown>, pointer: string): { schema: unknown; schemaPointer: string } {
  if ("schema" in parameter) return { schema: parameter.schema, schemaPointer: child(pointer, "schema") };
  const [media, body] = Object.entries(isObject(parameter.content) ? parameter.content : {})[0] ?? [];
  if (media !== undefined && isObject(body))
    return { schema: body.schema, schemaPointer: child(pointer, "content", media, "schema") };
  return { schema: undefined, schemaPointer: pointer };
}

function responseList(doc: OpenApiDocument, responses: unknown, pointer: string): WalkedResponse[] {
  if (!isObject(responses)) return [];
  return Object.entries(responses).map(([status, raw]) => {
    const at = child(pointer, status);
    const resolved = followRefs(doc, raw, at);
    const response = isObject(resolved.value) ? resolved.value : {};
    const json = jsonBody(doc, response, resolved.pointer);
    return {
      status,
      pointer: at,
      resolvedPointer: resolved.pointer,
      ...(typeof response.description === "string" ? { description: response.description } : {}),
      ...(json ? { json } : {}),
    };
  });
}

/** The JSON body of a response: `application/json`, else the first media type that names JSON. */
function jsonBody(
  doc: OpenApiDocument,
  response: Record<string, unknown>,
  pointer: string,
): WalkedJsonBody | undefined {
  if (!isObject(response.content)) return undefined;
  const types = Object.keys(response.content);
  const mediaType = types.find((type) => type === "application/json") ?? types.find((type) => /json/i.test(type));
  const media = mediaType === undefined ? undefined : response.content[mediaType];
  if (mediaType === undefined || !isObject(media) || !("schema" in media)) return undefined;
  const mediaPointer = child(pointer, "content", mediaType);
  const examples: Record<string, unknown> = {};
  for (const [name, example] of Object.entries(isObject(media.examples) ? media.examples : {})) {
    const resolved = followRefs<Record<string, unknown>>(doc, example, child(mediaPointer, "examples", name));
    examples[name] = isObject(resolved.value) ? resolved.value.value : undefined;
  }
  return {
    mediaType,
    schema: media.schema,
    schemaPointer: child(mediaPointer, "schema"),
    examples,
    ...("example" in media ? { example: media.example } : {}),
  };
}
