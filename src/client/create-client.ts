// The public client: the typed facade (getLog / listLogs / iterateLogs) and the route-generic methods keyed by
// operationId, all on one exchange, one pagination walk and one parse-and-validate path.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/video-logs.d.ts";
import { ContractViolationError } from "../errors/contract-violation-error.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { keptBody } from "../errors/kept-body.ts";
import type { DriftFinding } from "../findings/finding.ts";
import { activeSpec } from "../operations/active-spec.ts";
import { isOperationId, type Operation, operationOf, parametersIn } from "../operations/operation-table.ts";
import { NO_SECRETS, type Redactor } from "../redaction/redactor.ts";
import type { ListLogsPage, ListLogsQuery, VideoLog } from "../types.ts";
import type { ValidationMode, Violation } from "../validation/violation.ts";
import { datesAsText } from "./date-parameters.ts";
import { createDriftWatch, type DriftWatch } from "./drift-watch.ts";
import { type Exchange, exchange, type OperationParams, operationUrl } from "./exchange.ts";
import { guardRawClient } from "./guard-raw-client.ts";
import { judgeExchange, violationsInMode } from "./judge-exchange.ts";
import type { ItemOf, ListOperationId, OkBodyOf, OperationId, ParamsOf } from "./operation-types.ts";
import { type ResolvedClientOptions, resolveClientOptions, type VideoLogsClientOptions } from "./options.ts";
import type { PageEnd, PageStep } from "./page-walk.ts";
import { createPolicyFetch, type SendRequest } from "./policy-fetch.ts";
import type { SecretScrubber } from "./secret-scrubber.ts";
import { settleExchange, throwIfNotOk, type ValidatedResponse, validatedResponse } from "./settle-exchange.ts";
import { typeOf } from "./type-of.ts";
import { isUuidText } from "./uuid-text.ts";

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal;
  /** This call's validation mode instead of the client's. */
  validation?: ValidationMode;
  /** Extra request headers for this call (not `authorization`: the client adds the credentials itself). */
  headers?: Record<string, string>;
  /**
   * Receives each 2xx response the call validated, with its violations in the call's validation mode (none when it
   * matches), before its body or items are handed over. Given it, a violation throws no ContractViolationError: the
   * body, or a page's items, come as received, and a listing that cannot be followed on ends after the items of its
   * last page (why is among that page's violations). A body that is not JSON still throws when a body is returned.
   */
  onValidated?: (response: ValidatedResponse) => void;
}

export interface VideoLogsClient {
  /** One log by id: its full form, or its discarded form when it was deleted. */
  getLog(id: string, options?: CallOptions): Promise<VideoLog>;
  /** One page of logs. */
  listLogs(query?: ListLogsQuery, options?: CallOptions): Promise<ListLogsPage>;
  /** Every log, page after page, following `links.next`; only one page is held in memory at a time. */
  iterateLogs(query?: ListLogsQuery, options?: CallOptions): AsyncGenerator<VideoLog, void, undefined>;
  /** Any operation of the spec by its operationId: its 200 body, validated like `getLog`'s. */
  get<Op extends OperationId>(operationId: Op, params?: ParamsOf<Op>, options?: CallOptions): Promise<OkBodyOf<Op>>;
  /** One page of any list operation (a GET whose 200 body has `links` and a `data` array). */
  list<Op extends ListOperationId>(
    operationId: Op,
    params?: ParamsOf<Op>,
    options?: CallOptions,
  ): Promise<OkBodyOf<Op>>;
  /** Every item of any list operation, page after page, following `links.next`. */
  iterate<Op extends ListOperationId>(
    operationId: Op,
    params?: ParamsOf<Op>,
    options?: CallOptions,
  ): AsyncGenerator<ItemOf<Op>, void, undefined>;
  /**
   * One request of any operation, not judged: the response, its bytes and the parsed body or why it is not JSON.
   * Throws only when no response came, or for invalid input (nothing is then sent).
   */
  exchange(operationId: OperationId, params?: OperationParams, options?: CallOptions): Promise<Exchange>;
  /**
   * One request to a URL under this client's base URL, sent exactly as given: no parameter is checked, so the drift
   * check can send the invalid values the other methods refuse. Not judged, like `exchange`.
   */
  exchangeUrl(operationId: OperationId, url: string, options?: CallOptions): Promise<Exchange>;
  /** The pages of a list operation, not judged: each page's exchange and how the walk goes on (see walkPages). */
  pages(
    operationId: ListOperationId,
    params?: OperationParams,
    options?: CallOptions,
  ): AsyncGenerator<PageStep, void, undefined>;
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
  /**
   * With `onDrift`, every finding so far of the responses judged (`getLog`, `listLogs`, `iterateLogs`, `get`, `list`,
   * `iterate`), grouped by fingerprint, breaking first, each with its count; credentials removed. Without it, none.
   */
  driftSummary(): DriftFinding[];
}

/** Each client's redactor, for the drift check, which judges another client's exchanges with this client's secrets. */
const redactors = new WeakMap<VideoLogsClient, Redactor>();

/** The redactor of a client made by {@link createVideoLogsClient}: it removes that client's credentials. */
export function redactorOf(client: VideoLogsClient): Redactor {
  return redactors.get(client) ?? NO_SECRETS;
}

/** Rejects parameters the spec forbids, before anything is sent. */
function checkParameters(
  operation: Operation,
  location: "path" | "query",
  values: Record<string, unknown>,
  redactor: Redactor,
): void {
  const validate = activeSpec().requestValidators[operation.operationId]?.[location];
  if (!validate) {
    const stray = Object.keys(values)[0];
    if (stray === undefined) return;
    const field = location === "path" ? stray : `query.${stray}`;
    throw new InvalidInputError(
      field,
      `Invalid ${field} ${shownValue(values[stray], redactor)}: is not a parameter of this operation`,
    );
  }
  if (validate(values)) return;
  const error = validate.errors![0]!;
  const name =
    error.keyword === "additionalProperties"
      ? String(error.params.additionalProperty)
      : error.instancePath.slice(1) || String(error.params.missingProperty ?? "");
  const field = location === "path" ? name : `query.${name}`;
  const reason =
    error.keyword === "additionalProperties"
      ? "is not a parameter of this operation"
      : (formatsReason(validate.errors!, error.instancePath) ?? error.message);
  throw new InvalidInputError(field, `Invalid ${field} ${shownValue(values[name], redactor)}: ${reason}`);
}

/** How each string format is accepted, with an example; named in an error instead of the bare format name. */
const FORMAT_FORMS: Readonly<Record<string, string>> = {
  date: "a date (2022-01-31)",
  "date-time": "an RFC 3339 date-time (2022-01-31T12:00:00Z)",
  uuid: "a UUID",
};

/** When a value fails one or more formats (every branch of an anyOf), all the accepted forms, not just the first. */
function formatsReason(
  errors: readonly { keyword: string; instancePath: string; params: Record<string, unknown> }[],
  path: string,
): string | undefined {
  const formats = errors
    .filter((e) => e.keyword === "format" && e.instancePath === path)
    .map((e) => String(e.params.format));
  if (formats.length === 0 || errors.some((e) => e.instancePath === path && !["format", "anyOf"].includes(e.keyword)))
    return undefined;
  return `expected ${formats.map((f) => FORMAT_FORMS[f] ?? `format "${f}"`).join(" or ")}`;
}

/** A caller's value in an error message: the credentials removed before it is cut to 80 characters. */
const shownValue = (value: unknown, redactor: Redactor) => redactor.cut(JSON.stringify(value) ?? "undefined", 80).text;

/** A call's arguments arrive from JavaScript too: `null` or a string where an object belongs is refused by name. */
function checkObject(field: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value))) {
    throw new InvalidInputError(field, `Invalid ${field}: expected an object, got ${typeOf(value)}`);
  }
}

function withoutUndefined<T extends object>(values: T): Partial<T> {
  // Spreading defines own properties (a `__proto__` key stays a key); a copy, so no later change reaches the request.
  const copy = { ...values } as Record<string, unknown>;
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  return copy as Partial<T>;
}

/** Checks a call's options; the header names and values must be sendable and leave the credentials alone. */
function checkCallOptions(options: CallOptions | undefined, redactor: Redactor): void {
  checkObject("options", options);
  if (options?.validation !== undefined && !["strict", "tolerant", "off"].includes(options.validation)) {
    throw new InvalidInputError(
      "options.validation",
      `Invalid options.validation ${shownValue(options.validation, redactor)}: expected strict, tolerant or off`,
    );
  }
  if (options?.onValidated !== undefined && typeof options.onValidated !== "function") {
    throw new InvalidInputError(
      "options.onValidated",
      `Invalid options.onValidated: expected a function, got ${typeOf(options.onValidated)}`,
    );
  }
  checkObject("options.headers", options?.headers);
  for (const [name, value] of Object.entries(options?.headers ?? {})) {
    if (name.toLowerCase() === "authorization") {
      throw new InvalidInputError(
        "options.headers",
        "Invalid options.headers: the client sends the credentials itself; authorization cannot be set per call",
      );
    }
    if (
      typeof value !== "string" ||
      !/^[\t\x20-\x7e\x80-\xff]*$/.test(value) ||
      !/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(name)
    ) {
      throw new InvalidInputError(
        "options.headers",
        `Invalid options.headers ${shownValue(name, redactor)}: expected a header name with a single-line text value`,
      );
    }
  }
}

/** Checks and cleans an operation's parameters; a path parameter of format uuid must be exactly UUID text. */
function checkedParams(
  operation: Operation,
  params: OperationParams | undefined,
  redactor: Redactor,
): Required<OperationParams> {
  checkObject("params", params);
  checkObject("query", params?.query);
  checkObject("path", params?.path);
  const path = withoutUndefined(params?.path ?? {});
  const query = withoutUndefined(params?.query ?? {});
  datesAsText(operation, "path", path, (name) => name);
  datesAsText(operation, "query", query, (name) => `query.${name}`);
  const pathParameters = parametersIn(operation, "path");
  if (pathParameters.length > 0 || Object.keys(path).length > 0) checkParameters(operation, "path", path, redactor);
  checkParameters(operation, "query", query, redactor);
  for (const parameter of pathParameters) {
    // Exactly 8-4-4-4-12 hex digits: ajv's uuid format would also let `urn:uuid:…` into the path.
    const format = (parameter.schema as { format?: unknown } | null)?.format;
    if (format === "uuid" && !isUuidText(path[parameter.name])) {
      throw new InvalidInputError(
        parameter.name,
        `Invalid ${parameter.name} ${shownValue(path[parameter.name], redactor)}: expected a UUID, 8-4-4-4-12 hexadecimal digits`,
      );
    }
  }
  return { path, query };
}

/** The operation an operationId names; an InvalidInputError for one the spec does not declare, or not a listing. */
function operationNamed(operationId: unknown, { list }: { list: boolean }, redactor: Redactor): Operation {
  if (!isOperationId(operationId)) {
    throw new InvalidInputError(
      "operationId",
      `Invalid operationId ${shownValue(operationId, redactor)}: not an operation of the spec`,
    );
  }
  const operation = operationOf(operationId);
  if (list && !operation.list) {
    throw new InvalidInputError(
      "operationId",
      `Invalid operationId ${shownValue(operationId, redactor)}: not a list operation (a GET whose 200 body has links and a data array)`,
    );
  }
  return operation;
}

/** What every call of one client shares: its options, its scrubber, how it sends, and the headers it always sends. */
interface ClientCore {
  readonly config: ResolvedClientOptions;
  readonly scrubber: SecretScrubber;
  readonly send: SendRequest;
  readonly defaultHeaders: Readonly<Record<string, string>>;
  /** Present only with `onDrift`: a client without it judges nothing more than its validation mode asks. */
  readonly drift: DriftWatch | undefined;
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
  const { send, fetch: rawFetch } = createPolicyFetch(config);
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: rawFetch,
    headers: { "user-agent": config.userAgent, accept: "application/json" },
  });
  const core: ClientCore = {
    config,
    scrubber,
    send,
    defaultHeaders: { "user-agent": config.userAgent, accept: "application/json" },
    drift: config.onDrift ? createDriftWatch(config.onDrift, scrubber) : undefined,
  };

  const client: VideoLogsClient = {
    raw: guardRawClient(raw, config.baseUrl, scrubber),
    baseUrl: config.baseUrl,

    redact<T>(value: T): T {
      if (value instanceof Error) return scrubber.error(value);
      return typeof value === "string" ? (scrubber.text(value) as T) : scrubber.value(value);
    },

    getLog: (id, options) => judgedBody(core, "get_log", { path: { id } }, options),
    listLogs: (query, options) => judgedBody(core, "list_logs", { query }, options, true),
    iterateLogs: (query, options) => scrubbingIterator(scrubber, listItems(core, "list_logs", { query }, options)),
    get: (operationId, params, options) => judgedBody(core, operationId, params as OperationParams, options),
    list: (operationId, params, options) => judgedBody(core, operationId, params as OperationParams, options, true),
    iterate: (operationId, params, options) =>
      scrubbingIterator(scrubber, listItems(core, operationId, params as OperationParams, options)),
    exchange: (operationId, params, options) =>
      scrubbingErrors(scrubber, () => exchangeChecked(core, operationId, params, options, false).sent),
    pages: (operationId, params, options) => scrubbingIterator(scrubber, pageSteps(core, operationId, params, options)),
    exchangeUrl: (operationId, url, options) =>
      scrubbingErrors(scrubber, () => exchangeAtUrl(core, operationId, url, options)),
    driftSummary: () => core.drift?.summary() ?? [],
  };
  redactors.set(client, scrubber);
  return client;
}

/** Runs a public call; whatever it throws leaves with the credentials scrubbed from every field. */
async function scrubbingErrors<T>(scrubber: SecretScrubber, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw scrubber.error(error);
  }
}

async function* scrubbingIterator<T>(
  scrubber: SecretScrubber,
  iterator: AsyncGenerator<T, void, undefined>,
): AsyncGenerator<T, void, undefined> {
  try {
    yield* iterator;
  } catch (error) {
    throw scrubber.error(error);
  }
}

function request(
  core: ClientCore,
  operation: Operation,
  url: string,
  options: CallOptions | undefined,
  signal = options?.signal,
): Promise<Exchange> {
  return exchange(core.send, core.defaultHeaders, { operation, url, headers: options?.headers, signal }, core.scrubber);
}

/** Checks everything, then sends: bad input is refused before any request. */
function exchangeChecked(
  core: ClientCore,
  operationId: unknown,
  params: OperationParams | undefined,
  options: CallOptions | undefined,
  list: boolean,
) {
  const operation = operationNamed(operationId, { list }, core.scrubber);
  checkCallOptions(options, core.scrubber);
  const url = operationUrl(core.config.baseUrl, operation, checkedParams(operation, params, core.scrubber));
  return { operation, sent: request(core, operation, url, options) };
}

/** `exchangeUrl`: the URL is sent as given, once it is known to lie under the base URL. */
async function exchangeAtUrl(
  core: ClientCore,
  operationId: unknown,
  url: unknown,
  options: CallOptions | undefined,
): Promise<Exchange> {
  const { baseUrl } = core.config;
  const operation = operationNamed(operationId, { list: false }, core.scrubber);
  checkCallOptions(options, core.scrubber);
  if (typeof url !== "string" || !url.startsWith(`${baseUrl}/`)) {
    throw new InvalidInputError(
      "url",
      `Invalid url ${shownValue(url, core.scrubber)}: expected a URL under ${baseUrl}/`,
    );
  }
  return request(core, operation, url, options);
}

// One async function, not scrubbingErrors around another: this is every request's path.
async function judgedBody(
  core: ClientCore,
  operationId: unknown,
  params: OperationParams | undefined,
  options: CallOptions | undefined,
  list = false,
): Promise<never> {
  try {
    const { sent } = exchangeChecked(core, operationId, params, options, list);
    const mode = options?.validation ?? core.config.validation;
    const result = await sent;
    const judged = core.drift && violationsInMode(watched(core.drift, result), mode, result);
    return settleExchange(result, mode, core.scrubber, options?.onValidated, judged) as never;
  } catch (error) {
    throw core.scrubber.error(error);
  }
}

/**
 * A listing's walk, its first page requested and read. An async function, not part of the generator below: a
 * suspended generator keeps its locals, and the first page would stay in memory for the whole walk.
 */
async function startWalk(
  core: ClientCore,
  operationId: unknown,
  params: OperationParams | undefined,
  options: CallOptions | undefined,
  prefetch: boolean,
) {
  const { operation, sent } = exchangeChecked(core, operationId, params, options, true);
  const ahead = prefetch ? { signal: options?.signal } : undefined;
  // The pagination modules load with the first walk, while its first page is on its way: not with the client.
  const [{ walkPages }, first] = await Promise.all([import("./page-walk.ts"), sent]);
  return walkPages(
    first,
    (url, signal) => request(core, operation, url, options, signal ?? options?.signal),
    core.config.baseUrl,
    ahead,
  );
}

/** With `prefetch`, the next page is requested while the consumer reads the current one (see walkPages). */
async function* pageSteps(
  core: ClientCore,
  operationId: unknown,
  params: OperationParams | undefined,
  options: CallOptions | undefined,
  prefetch = false,
): AsyncGenerator<PageStep, void, undefined> {
  yield* await startWalk(core, operationId, params, options, prefetch);
}

async function* listItems(
  core: ClientCore,
  operationId: unknown,
  params: OperationParams | undefined,
  options: CallOptions | undefined,
): AsyncGenerator<never, void, undefined> {
  const { scrubber } = core;
  const mode = options?.validation ?? core.config.validation;
  const signal = options?.signal;
  const onValidated = options?.onValidated;
  for await (const { exchange: page, items: data, end } of pageSteps(core, operationId, params, options, true)) {
    const judged = core.drift && violationsInMode(watched(core.drift, page, end), mode, page);
    if (onValidated) onValidated(validatedPage(page, end, mode, scrubber, judged));
    else settleExchange(page, mode, scrubber, undefined, judged);
    const kept = () => keptBody(page.bytes, scrubber, page.parsed.ok ? page.parsed : undefined);
    // With validation off nothing else has checked what this loop reads: the walk's verdict stands in every mode.
    if (end.kind === "violation" && data.length === 0 && !onValidated)
      throw new ContractViolationError(page.operationId, page.response.status, [end.violation], kept());
    for (const item of data) {
      signal?.throwIfAborted();
      yield item as never;
    }
    if (end.kind === "violation") {
      if (onValidated) return;
      throw new ContractViolationError(page.operationId, page.response.status, [end.violation], kept());
    }
    if (end.kind === "unsafe") throw end.error;
  }
}

/** A page's violations for `onValidated`: its body's, and why the walk cannot go on unless the body's already say so. */
function validatedPage(
  page: Exchange,
  end: PageEnd,
  mode: ValidationMode,
  scrubber: SecretScrubber,
  judged?: Violation[],
) {
  throwIfNotOk(page, scrubber);
  return validatedResponse(page, withWalkViolation(judged ?? judgeExchange(page, mode), end), scrubber);
}

/** A page's violations and why the walk cannot go on, unless they already say so. A copy. */
function withWalkViolation(violations: Violation[], end: PageEnd | undefined): Violation[] {
  if (end?.kind !== "violation") return violations;
  const { pointer, keyword } = end.violation;
  return violations.some((v) => v.pointer === pointer && v.keyword === keyword)
    ? violations
    : [...violations, end.violation];
}

/**
 * A response judged in strict mode, whatever its status, and counted by the drift watch with the walk's violation
 * (a page's); returns the body's strict violations, for the call's mode.
 */
function watched(drift: DriftWatch, result: Exchange, end?: PageEnd): Violation[] {
  const strict = judgeExchange(result, "strict");
  drift.see(result, withWalkViolation(strict, end));
  return strict;
}
