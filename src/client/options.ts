// Turns the user's options (and the SIGNALWIRE_* environment) into a checked configuration, before any request.
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { NO_SECRETS, type Redactor } from "../redaction/redactor.ts";
import type { ValidationMode } from "../validation/violation.ts";
import { VERSION } from "../version.ts";
import { apiRoot } from "./api-root.ts";
import { CLIENT_DEFAULTS, type NumericDefault } from "./defaults.ts";
import type { DriftHandler } from "./drift-watch.ts";
import { maskUserinfo } from "./mask-userinfo.ts";
import { sleep } from "./retry-delay.ts";
import { createSecretScrubber, type SecretScrubber } from "./secret-scrubber.ts";
import { typeOf } from "./type-of.ts";

export interface VideoLogsClientOptions {
  /** Your Space: `example` or `example.signalwire.com`. Default: env `SIGNALWIRE_SPACE`. */
  space?: string;
  /** Overrides `space`: a mock, a proxy, a recorder; `…/api` is the API root. https unless the host is loopback. */
  baseUrl?: string | URL;
  /** Project ID, the Basic-auth user. Default: env `SIGNALWIRE_PROJECT_ID`. */
  projectId?: string;
  /** API token, the Basic-auth password. Default: env `SIGNALWIRE_API_TOKEN`. */
  apiToken?: string;
  /** Limit for each attempt, body included, in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** How many times a GET is retried after 429/500/502/503/504, a network error or a timeout. Default 2. */
  retries?: number;
  /** Backoff before retry n: a random delay in [0, min(maxMs, baseMs·2ⁿ)]. Default 250 ms base, 8000 ms max. */
  retryDelay?: { baseMs?: number; maxMs?: number };
  /**
   * The largest response body read, in bytes after decompression; a larger one ends in a ResponseTooLargeError.
   * Default 33554432 (32 MiB, some sixty 1000-log pages); at most 268435456 (256 MiB).
   */
  maxBodyBytes?: number;
  /** The longest `Retry-After` the client waits for; a longer one fails at once. Default 60000 ms. */
  maxRetryAfterMs?: number;
  /** `strict` throws on any violation, `tolerant` (default) only on breaking ones, `off` never validates. */
  validation?: ValidationMode;
  /** The fetch implementation. Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /**
   * Other secrets to remove, as the credentials are, from everything the client keeps or quotes (errors, exchanges,
   * `redact`): a proxy's user and password that `fetch` sends, say. Each in every spelling, base64 included; one
   * shorter than 8 characters is not removed on its own.
   */
  secrets?: readonly string[];
  /** Prepended to the User-Agent `signalwire-video-logs/<version>`. */
  userAgent?: string;
  /** The environment to read defaults from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** The clock a `Retry-After` HTTP date is read against, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /** How to wait before a retry (back-off or `Retry-After`); must reject with the signal's reason on abort. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Hears of each drift once, at its first response (every mode, additive too); later ones are counted for `driftSummary()`. */
  onDrift?: DriftHandler;
}

export interface ResolvedClientOptions {
  /**
   * The base URL without a trailing slash: an origin, plus a path prefix for proxies; a path that ends where the spec's
   * paths begin (`/api`) is the API root, and that end is not sent twice.
   */
  baseUrl: string;
  origin: string;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxRetryAfterMs: number;
  validation: ValidationMode;
  fetch: typeof globalThis.fetch;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  userAgent: string;
  maxBodyBytes: number;
  /** The Authorization header value. Kept out of every error, log and report. */
  authorization: string;
  /** Removes these credentials from anything kept: errors, reports. */
  scrubber: SecretScrubber;
  /** Given, every judged response is judged in strict mode too, for it and `driftSummary()`. */
  onDrift: DriftHandler | undefined;
}

/** Kept here for the modules that import it from this file; its row is in defaults.ts. */
export { DEFAULT_MAX_BODY_BYTES } from "./defaults.ts";

const SPACE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const SIGNALWIRE_SUFFIX = ".signalwire.com";

/** `example` or `example.signalwire.com` → `https://example.signalwire.com`; anything else is refused. */
export function spaceToBaseUrl(space: string, redactor: Redactor = NO_SECRETS): string {
  const trimmed = space.trim();
  const label = trimmed.toLowerCase().endsWith(SIGNALWIRE_SUFFIX)
    ? trimmed.slice(0, -SIGNALWIRE_SUFFIX.length)
    : trimmed;
  if (!SPACE_LABEL.test(label)) {
    throw new InvalidInputError(
      "space",
      `Invalid Space name ${JSON.stringify(redactor.cut(maskUserinfo(space), 80).text)}: expected a name like "example" or "example.signalwire.com"`,
    );
  }
  return `https://${label.toLowerCase()}${SIGNALWIRE_SUFFIX}`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Checks a base URL: https, or http on a loopback host; no credentials, query or fragment in it. */
export function checkBaseUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new InvalidInputError("baseUrl", "Invalid base URL: not an absolute URL");
  }
  if (url.username || url.password) {
    throw new InvalidInputError(
      "baseUrl",
      "Invalid base URL: it must not contain credentials; use projectId and apiToken",
    );
  }
  if (url.search || url.hash) {
    throw new InvalidInputError(
      "baseUrl",
      `Invalid base URL ${url.origin}${url.pathname}: it must not have a query or fragment`,
    );
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new InvalidInputError(
      "baseUrl",
      `Invalid base URL ${url.origin}: only https is allowed, except plain http to a loopback host (localhost, 127.0.0.1, ::1)`,
    );
  }
  return url;
}

function checkCredential(field: "projectId" | "apiToken", value: unknown, envName: string): string {
  if (value !== undefined && typeof value !== "string") {
    throw new InvalidInputError(field, `Invalid ${field}: expected a string, got ${typeOf(value)}`);
  }
  if (value === undefined || value.trim() === "") {
    throw new InvalidInputError(field, `Missing ${field}: pass it as an option or set ${envName}`);
  }
  // Basic auth cannot carry a ':' in the user name, nor line breaks anywhere.
  if (/[\r\n\0]/.test(value) || (field === "projectId" && value.includes(":"))) {
    throw new InvalidInputError(field, `Invalid ${field}: it contains characters that cannot appear in Basic auth`);
  }
  return value;
}

/** Options arrive from JavaScript and JSON too: a value of the wrong type is refused by name, before any use. */
function checkTypes(options: VideoLogsClientOptions): void {
  const expected: [keyof VideoLogsClientOptions, string, (v: unknown) => boolean][] = [
    ["space", "a string", (v) => typeof v === "string"],
    ["baseUrl", "a string or URL", (v) => typeof v === "string" || v instanceof URL],
    ["timeoutMs", "a number", (v) => typeof v === "number"],
    ["retries", "a number", (v) => typeof v === "number"],
    ["retryDelay", "an object", (v) => typeof v === "object" && v !== null],
    ["maxRetryAfterMs", "a number", (v) => typeof v === "number"],
    ["maxBodyBytes", "a number", (v) => typeof v === "number"],
    ["validation", "a string", (v) => typeof v === "string"],
    ["fetch", "a function", (v) => typeof v === "function"],
    ["secrets", "an array of strings", (v) => Array.isArray(v) && v.every((item) => typeof item === "string")],
    ["userAgent", "a string", (v) => typeof v === "string"],
    ["env", "an object", (v) => typeof v === "object" && v !== null],
    ["now", "a function", (v) => typeof v === "function"],
    ["sleep", "a function", (v) => typeof v === "function"],
    ["onDrift", "a function", (v) => typeof v === "function"],
  ];
  for (const [field, kind, ok] of expected) {
    const value = options[field];
    if (value !== undefined && !ok(value))
      throw new InvalidInputError(field, `Invalid ${field}: expected ${kind}, got ${typeOf(value)}`);
  }
}

/** The option's value, or its default from CLIENT_DEFAULTS; an integer within the row's bounds. */
function checkCount(field: string, value: number | undefined, { value: fallback, min, max }: NumericDefault): number {
  const count = value ?? fallback;
  if (!Number.isInteger(count) || count < min || count > max) {
    throw new InvalidInputError(field, `Invalid ${field} ${count}: expected an integer from ${min} to ${max}`);
  }
  return count;
}

export function resolveClientOptions(options: VideoLogsClientOptions = {}): ResolvedClientOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new InvalidInputError("options", `Invalid options: expected an object, got ${typeOf(options)}`);
  }
  checkTypes(options);
  const env = options.env ?? process.env;
  const space = options.space ?? env.SIGNALWIRE_SPACE;
  let base: URL;
  // A token pasted into the space or base URL (no userinfo to mask) must not be echoed back either, even in part.
  const token = options.apiToken ?? env.SIGNALWIRE_API_TOKEN;
  const project = options.projectId ?? env.SIGNALWIRE_PROJECT_ID;
  const early =
    typeof token === "string" && token !== ""
      ? createSecretScrubber(String(project ?? ""), token, options.secrets)
      : undefined;
  try {
    if (options.baseUrl !== undefined) base = checkBaseUrl(options.baseUrl);
    else if (space) base = new URL(spaceToBaseUrl(space, early));
    else throw new InvalidInputError("space", "Missing target: pass space or baseUrl, or set SIGNALWIRE_SPACE");
  } catch (error) {
    throw early ? early.error(error) : error;
  }

  const projectId = checkCredential(
    "projectId",
    options.projectId ?? env.SIGNALWIRE_PROJECT_ID,
    "SIGNALWIRE_PROJECT_ID",
  );
  const apiToken = checkCredential("apiToken", options.apiToken ?? env.SIGNALWIRE_API_TOKEN, "SIGNALWIRE_API_TOKEN");

  const validation = options.validation ?? "tolerant";
  if (!["strict", "tolerant", "off"].includes(validation)) {
    throw new InvalidInputError(
      "validation",
      `Invalid validation mode ${JSON.stringify(validation)}: expected strict, tolerant or off`,
    );
  }
  // A header value is Latin-1 text without controls (other than tab); fetch would throw a TypeError at request time.
  if (options.userAgent !== undefined && !/^[\t\x20-\x7e\x80-\xff]*$/.test(options.userAgent)) {
    throw new InvalidInputError(
      "userAgent",
      "Invalid userAgent: it must be a single line of Latin-1 text (a header value)",
    );
  }
  return {
    baseUrl: apiRoot(base),
    origin: base.origin,
    timeoutMs: checkCount("timeoutMs", options.timeoutMs, CLIENT_DEFAULTS.timeoutMs),
    retries: checkCount("retries", options.retries, CLIENT_DEFAULTS.retries),
    retryBaseMs: checkCount("retryDelay.baseMs", options.retryDelay?.baseMs, CLIENT_DEFAULTS.retryBaseMs),
    retryMaxMs: checkCount("retryDelay.maxMs", options.retryDelay?.maxMs, CLIENT_DEFAULTS.retryMaxMs),
    maxRetryAfterMs: checkCount("maxRetryAfterMs", options.maxRetryAfterMs, CLIENT_DEFAULTS.maxRetryAfterMs),
    maxBodyBytes: checkCount("maxBodyBytes", options.maxBodyBytes, CLIENT_DEFAULTS.maxBodyBytes),
    validation,
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? sleep,
    userAgent: [options.userAgent, `signalwire-video-logs/${VERSION}`].filter(Boolean).join(" "),
    authorization: `Basic ${Buffer.from(`${projectId}:${apiToken}`).toString("base64")}`,
    scrubber: createSecretScrubber(projectId, apiToken, options.secrets),
    onDrift: options.onDrift,
  };
}
