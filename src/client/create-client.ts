// The public client: typed getLog / listLogs / iterateLogs on top of openapi-fetch.
import createClient, { type Client, createQuerySerializer } from "openapi-fetch";
import { requestValidators, type Validator } from "../../generated/validators.js";
import type { paths } from "../../generated/video-logs.d.ts";
import { ApiError } from "../errors/api-error.ts";
import { ContractViolationError } from "../errors/contract-violation-error.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { keptBody } from "../errors/kept-body.ts";
import type { ListLogsPage, ListLogsQuery, VideoLog } from "../types.ts";
import { listPageShapeViolation } from "../validation/list-page-shape.ts";
import { parseJsonBody } from "../validation/parse-json-body.ts";
import { validateResponse, type OperationId } from "../validation/validate-response.ts";
import { decodeUtf8Body } from "./decode-body.ts";
import { guardRawClient } from "./guard-raw-client.ts";
import { nextPageQuery } from "./next-page-link.ts";
import { PaginationLoopGuard } from "./pagination-loop-guard.ts";
import { resolveClientOptions, type VideoLogsClientOptions } from "./options.ts";
import { createPolicyFetch } from "./policy-fetch.ts";
import { receivedBody } from "./received-body.ts";
import { requestIdOf } from "./request-id.ts";
import { typeOf } from "./type-of.ts";
import { isUuidText } from "./uuid-text.ts";

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
  /**
   * The underlying openapi-fetch client, with the same credentials, timeouts, retries, redirect rules and body limit.
   * A call that passes its own `fetch`, `Request` or another `baseUrl` is refused with an InvalidInputError.
   */
  readonly raw: Client<paths>;
  /**
   * Removes this client's credentials (the token, `projectId:token`, the Basic value, in raw, percent-encoded and
   * JSON-escaped forms) from text, a JSON value (returns a copy) or an error (scrubbed in place).
   */
  redact<T>(value: T): T;
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

/** A call's arguments arrive from JavaScript too: `null` or a string where an object belongs is refused by name. */
function checkObject(field: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) {
    throw new InvalidInputError(field, `Invalid ${field}: expected an object, got ${typeOf(value)}`);
  }
}

/** The same serialisation openapi-fetch applies to a query object, so the first page's query can be recorded. */
const serializeQuery = createQuerySerializer();

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
  const { scrubber } = config;
  // The credentials are not among these headers: the policy fetch adds them behind its origin check.
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: createPolicyFetch(config),
    headers: { "user-agent": config.userAgent, accept: "application/json" },
  });

  /** Turns openapi-fetch's result into a value or one of our errors; validates 2xx bodies per the mode. */
  function settle<T>(operationId: OperationId, result: { data?: unknown; error?: unknown; response: Response }): T {
    const { response } = result;
    const bytes = receivedBody(response) ?? new Uint8Array(0);
    if (!response.ok) {
      throw new ApiError({
        status: response.status,
        statusText: response.statusText,
        method: "GET",
        url: response.url,
        body: keptBody(bytes),
        requestId: requestIdOf(response.headers),
        headers: Object.fromEntries(response.headers),
      });
    }
    const decoded = decodeUtf8Body(bytes);
    if (!decoded.ok) throw new ContractViolationError(operationId, response.status, [decoded.violation], keptBody(bytes));
    const text = decoded.text;
    const parsed = parseJsonBody(text);
    // `off` skips the schema, never this: a 2xx body that is not JSON is not a value of any declared type.
    if (!parsed.ok) {
      throw new ContractViolationError(operationId, response.status, [parsed.violation], keptBody(bytes));
    }
    const body = parsed.body;
    const violations = validateResponse(operationId, response.status, body, { mode: config.validation, text });
    if (violations.length > 0) throw new ContractViolationError(operationId, response.status, violations, keptBody(bytes, parsed));
    return body as T;
  }

  /** Runs a public call; whatever it throws leaves with the credentials scrubbed from every field. */
  async function scrubbingErrors<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw scrubber.error(error);
    }
  }

  /** One page, with its size in bytes, so that an error about it keeps the page only when it is small. */
  async function fetchPage(params: { query?: ListLogsQuery; rawQuery?: string }, signal?: AbortSignal): Promise<{ page: ListLogsPage; bytes: Uint8Array }> {
    const result = await raw.GET("/api/video/logs", {
      params: { query: params.query },
      ...(params.rawQuery !== undefined ? { querySerializer: () => params.rawQuery! } : {}),
      // The policy fetch keeps the bytes; settle decodes them once, strictly.
      parseAs: "stream",
      signal,
    });
    return { page: settle<ListLogsPage>("list_logs", result), bytes: receivedBody(result.response) ?? new Uint8Array(0) };
  }

  /** Checks and cleans a listing query; returns it with undefined values dropped. */
  function checkedQuery(query: ListLogsQuery | undefined, options: CallOptions | undefined): Partial<ListLogsQuery> {
    checkObject("query", query);
    checkObject("options", options);
    const cleaned = withoutUndefined(query ?? {});
    checkParameters("list_logs", "query", cleaned);
    return cleaned;
  }

  function listLogs(query?: ListLogsQuery, options?: CallOptions): Promise<ListLogsPage> {
    return scrubbingErrors(async () => (await fetchPage({ query: checkedQuery(query, options) }, options?.signal)).page);
  }

  async function* pagesOfLogs(query: ListLogsQuery | undefined, options: CallOptions | undefined): AsyncGenerator<VideoLog, void, undefined> {
    const signal = options?.signal;
    const cleaned = checkedQuery(query, options);
    let { page, bytes } = await fetchPage({ query: cleaned }, signal);
    // Every page read, by its query and by its logs: a loop is caught before any log comes round again.
    const guard = new PaginationLoopGuard(serializeQuery(cleaned));
    for (let link: string | undefined; ; ) {
      // With validation off nothing else has checked what this loop reads.
      const shape = listPageShapeViolation(page);
      if (shape) throw new ContractViolationError("list_logs", 200, [shape], keptBody(bytes, { body: page }));
      const repeated = guard.arrive(page.data, link ?? "");
      if (repeated) throw new ContractViolationError("list_logs", 200, [repeated], keptBody(bytes, { body: page }));
      for (const log of page.data) {
        signal?.throwIfAborted();
        yield log;
      }
      link = page.links?.next;
      if (!link) return;
      const rawQuery = nextPageQuery(link, config.baseUrl);
      const looping = guard.follow(rawQuery, link);
      if (looping) throw new ContractViolationError("list_logs", 200, [looping], keptBody(bytes, { body: page }));
      ({ page, bytes } = await fetchPage({ rawQuery }, signal));
    }
  }

  return {
    raw: guardRawClient(raw, config.baseUrl, scrubber),
    baseUrl: config.baseUrl,

    redact<T>(value: T): T {
      if (value instanceof Error) return scrubber.error(value);
      return typeof value === "string" ? (scrubber.text(value) as T) : scrubber.value(value);
    },

    getLog(id, options) {
      return scrubbingErrors(async () => {
        checkObject("options", options);
        checkParameters("get_log", "path", { id });
        // Exactly 8-4-4-4-12 hex digits: ajv's uuid format would also let `urn:uuid:…` into the path.
        if (!isUuidText(id)) {
          throw new InvalidInputError("id", `Invalid id ${JSON.stringify(id).slice(0, 80)}: expected a UUID, 8-4-4-4-12 hexadecimal digits`);
        }
        const result = await raw.GET("/api/video/logs/{id}", { params: { path: { id } }, parseAs: "stream", signal: options?.signal });
        return settle<VideoLog>("get_log", result);
      });
    },

    listLogs,

    async *iterateLogs(query, options) {
      try {
        yield* pagesOfLogs(query, options);
      } catch (error) {
        throw scrubber.error(error);
      }
    },
  };
}
