// The public client: typed getLog / listLogs / iterateLogs on top of openapi-fetch.
import createClient, { type Client } from "openapi-fetch";
import { requestValidators, type Validator } from "../../generated/validators.js";
import type { paths } from "../../generated/video-logs.d.ts";
import { ApiError, MAX_ERROR_BODY_CHARS } from "../errors/api-error.ts";
import { ContractViolationError } from "../errors/contract-violation-error.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import type { ListLogsPage, ListLogsQuery, VideoLog } from "../types.ts";
import { listPageShapeViolation } from "../validation/list-page-shape.ts";
import { parseJsonBody } from "../validation/parse-json-body.ts";
import { validateResponse, type OperationId } from "../validation/validate-response.ts";
import { nextPageQuery } from "./next-page-link.ts";
import { resolveClientOptions, type VideoLogsClientOptions } from "./options.ts";
import { createPolicyFetch } from "./policy-fetch.ts";
import { requestIdOf } from "./request-id.ts";

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal;
}

export interface VideoLogsClient {
  /** One log by id: its full form, or its discarded form when it was deleted. */
  getLog(id: string, options?: CallOptions): Promise<VideoLog>;
  /** One page of logs. */
  listLogs(query?: ListLogsQuery, options?: CallOptions): Promise<ListLogsPage>;
  /** Every log, page after page, following `links.next`; only one page is held in memory at a time. */
  iterateLogs(query?: ListLogsQuery, options?: CallOptions): AsyncGenerator<VideoLog, void, undefined>;
  /** The underlying openapi-fetch client, with the same credentials, timeouts, retries and redirect rules. */
  readonly raw: Client<paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
}

const paramValidators: Readonly<Record<string, Readonly<Record<string, Validator>>>> = requestValidators;

/** Rejects parameters the spec forbids, before anything is sent. */
function checkParameters(operationId: OperationId, location: "path" | "query", values: Record<string, unknown>): void {
  const validate = paramValidators[operationId]?.[location];
  if (!validate || validate(values)) return;
  const error = validate.errors![0]!;
  const name =
    error.keyword === "additionalProperties"
      ? String(error.params.additionalProperty)
      : error.instancePath.slice(1) || String(error.params.missingProperty ?? "");
  const field = location === "path" ? name : `query.${name}`;
  const shown = JSON.stringify(values[name]) ?? "undefined";
  const reason = error.keyword === "additionalProperties" ? "is not a parameter of this operation" : error.message;
  throw new InvalidInputError(field, `Invalid ${field} ${shown.slice(0, 80)}: ${reason}`);
}

function withoutUndefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Creates a client for SignalWire's Video Logs API.
 *
 * @example
 * const client = createVideoLogsClient({ space: "example", projectId, apiToken });
 * const log = await client.getLog("c22d24f6-5a47-4597-9a23-c7d01e696b92");
 * for await (const entry of client.iterateLogs({ include_deleted: true })) console.log(entry.id);
 */
export function createVideoLogsClient(options: VideoLogsClientOptions = {}): VideoLogsClient {
  const config = resolveClientOptions(options);
  // Static headers ride on every Request openapi-fetch builds; the policy fetch refuses any origin but ours, so the
  // Authorization header never leaves it.
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: createPolicyFetch(config),
    headers: { authorization: config.authorization, "user-agent": config.userAgent, accept: "application/json" },
  });

  /** Turns openapi-fetch's result into a value or one of our errors; validates 2xx bodies per the mode. */
  function settle<T>(operationId: OperationId, result: { data?: unknown; error?: unknown; response: Response }): T {
    const { response } = result;
    if (!response.ok) {
      const body = typeof result.error === "string" ? result.error.slice(0, MAX_ERROR_BODY_CHARS) : result.error;
      throw new ApiError({
        status: response.status,
        statusText: response.statusText,
        method: "GET",
        url: response.url,
        body,
        requestId: requestIdOf(response.headers),
        headers: Object.fromEntries(response.headers),
      });
    }
    const text = typeof result.data === "string" ? result.data : "";
    const parsed = parseJsonBody(text);
    // `off` skips the schema, never this: a 2xx body that is not JSON is not a value of any declared type.
    if (!parsed.ok) {
      throw new ContractViolationError(operationId, response.status, [parsed.violation], text.slice(0, MAX_ERROR_BODY_CHARS));
    }
    const body = parsed.body;
    const violations = validateResponse(operationId, response.status, body, { mode: config.validation, text });
    if (violations.length > 0) throw new ContractViolationError(operationId, response.status, violations, body);
    return body as T;
  }

  async function fetchPage(params: { query?: ListLogsQuery; rawQuery?: string }, signal?: AbortSignal) {
    const result = await raw.GET("/api/video/logs", {
      params: { query: params.query },
      ...(params.rawQuery !== undefined ? { querySerializer: () => params.rawQuery! } : {}),
      parseAs: "text",
      signal,
    });
    return settle<ListLogsPage>("list_logs", result);
  }

  async function listLogs(query: ListLogsQuery = {}, { signal }: CallOptions = {}): Promise<ListLogsPage> {
    const cleaned = withoutUndefined(query);
    checkParameters("list_logs", "query", cleaned);
    return fetchPage({ query: cleaned }, signal);
  }

  return {
    raw,
    baseUrl: config.baseUrl,

    async getLog(id, { signal } = {}) {
      checkParameters("get_log", "path", { id });
      const result = await raw.GET("/api/video/logs/{id}", { params: { path: { id } }, parseAs: "text", signal });
      return settle<VideoLog>("get_log", result);
    },

    listLogs,

    async *iterateLogs(query = {}, { signal } = {}) {
      let page = await listLogs(query, { signal });
      const fetched = new Set<string>();
      for (;;) {
        // With validation off nothing else has checked what this loop reads.
        const shape = listPageShapeViolation(page);
        if (shape) throw new ContractViolationError("list_logs", 200, [shape], page);
        for (const log of page.data) {
          signal?.throwIfAborted();
          yield log;
        }
        const next = page.links?.next;
        if (!next) return;
        const rawQuery = nextPageQuery(next, config.baseUrl);
        // A link back to any page already read would make the iteration endless.
        if (fetched.has(rawQuery)) throw new ContractViolationError("list_logs", 200, [loopingLink(next)], page);
        fetched.add(rawQuery);
        page = await fetchPage({ rawQuery }, signal);
      }
    },
  };
}

function loopingLink(next: string) {
  return {
    pointer: "/links/next",
    kind: "breaking" as const,
    keyword: "pagination",
    message: "links.next points back at a page already read; following it would loop forever",
    expected: "a link to another page",
    actual: JSON.stringify(next),
  };
}
