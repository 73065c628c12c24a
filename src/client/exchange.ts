// The one exchange every caller uses (facade, generic methods, pagination, drift check): request → response, its bytes
// and text, and the parsed body or the violation saying why it is not JSON. It judges nothing else and throws only
// when no response came (network error, timeout, unsafe redirect, body too large).
import { createQuerySerializer } from "openapi-fetch";
import type { Operation, OperationId } from "../operations/operation-table.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { parseJsonBody } from "../validation/parse-json-body.ts";
import type { Violation } from "../validation/violation.ts";
import { decodeUtf8Body } from "./decode-body.ts";
import type { SendRequest } from "./policy-fetch.ts";

/** The values of an operation's parameters, by location. */
export interface OperationParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

/** A body as JSON with the text it was parsed from, or why it is not JSON (bytes that are not UTF-8 included). */
export type ParsedExchangeBody = { ok: true; body: unknown; text: string } | { ok: false; violation: Violation };

export interface Exchange {
  operationId: OperationId;
  method: string;
  /** The URL requested (never holds credentials). */
  url: string;
  response: Response;
  /** The body bytes read within the client's body limit. */
  bytes: Uint8Array;
  parsed: ParsedExchangeBody;
  /** The client's redactor: whatever quotes or cuts this exchange's text removes the credentials first. */
  redactor: Redactor;
}

export interface ExchangeRequest {
  operation: Operation;
  url: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** openapi-fetch's serialisation of a query object (form style, exploded), so both paths spell a query alike. */
const serializeQuery = createQuerySerializer();

/** Each operation path split at its parameters: literal text at even indices, parameter names at odd ones. */
const pathParts = new Map<string, string[]>();

function partsOf(path: string): string[] {
  let parts = pathParts.get(path);
  if (!parts) {
    parts = path.split(/\{([^{}]+)\}/);
    pathParts.set(path, parts);
  }
  return parts;
}

/** The URL of an operation under a base URL: path parameters percent-encoded, undefined query values dropped. */
export function operationUrl(baseUrl: string, operation: Operation, params: OperationParams = {}): string {
  const parts = partsOf(operation.path);
  let url = baseUrl + parts[0]!;
  for (let i = 1; i < parts.length; i += 2) url += encodeURIComponent(String(params.path?.[parts[i]!])) + parts[i + 1]!;
  const entries = Object.entries(params.query ?? {});
  if (entries.length === 0) return url;
  const query = serializeQuery(Object.fromEntries(entries.filter(([, v]) => v !== undefined)));
  return query ? `${url}?${query}` : url;
}

/** Decodes (strict UTF-8) and parses a body once. */
export function parseExchangeBody(bytes: Uint8Array, redactor: Redactor): ParsedExchangeBody {
  const decoded = decodeUtf8Body(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseJsonBody(decoded.text, redactor);
  return parsed.ok ? { ok: true, body: parsed.body, text: decoded.text } : parsed;
}

/** Sends one request through the client's policy fetch and reads the answer. */
export async function exchange(
  send: SendRequest,
  defaultHeaders: Readonly<Record<string, string>>,
  request: ExchangeRequest,
  redactor: Redactor,
): Promise<Exchange> {
  const { operation, url } = request;
  const headers = request.headers ? { ...defaultHeaders, ...request.headers } : defaultHeaders;
  // No Request is built: the policy fetch sends the URL, method and headers as they are, and the caller's signal goes
  // beside them (a Request made with a signal would add an abort listener to it that stays until garbage collection).
  const { response, bytes } = await send({ url, method: operation.method, headers }, request.signal);
  return {
    operationId: operation.operationId as OperationId,
    method: operation.method,
    url: response.url || url,
    response,
    bytes,
    parsed: parseExchangeBody(bytes, redactor),
    redactor,
  };
}
