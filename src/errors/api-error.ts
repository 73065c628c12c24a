import type { KeptBody, TruncatedBody } from "./kept-body.ts";
import { VideoLogsError } from "./video-logs-error.ts";

export { MAX_ERROR_BODY_CHARS } from "./kept-body.ts";

export interface ApiErrorInit {
  status: number;
  statusText: string;
  method: string;
  url: string;
  body: unknown;
  requestId: string | undefined;
  headers: Record<string, string>;
}

/**
 * The API answered with a status outside 2xx. `body` is the parsed JSON body (typed by the spec for the statuses it
 * declares) when the raw body is at most 64 KiB and nested at most 256 levels; a non-JSON body of at most 4096 characters as text; otherwise a
 * {@link TruncatedBody} with the first 4096 characters. The client's credentials are scrubbed from every field.
 *
 * @example
 * catch (e) { if (isApiError(e) && e.status === 404) return undefined; throw e; }
 */
export class ApiError<Body = unknown> extends VideoLogsError {
  override name = "ApiError";
  readonly status: number;
  readonly statusText: string;
  readonly method: string;
  readonly url: string;
  readonly body: KeptBody<Body>;
  /** The server's request id, when the response carries one. */
  readonly requestId: string | undefined;
  /** The response headers (never request headers, so never credentials). */
  readonly headers: Record<string, string>;

  constructor(init: ApiErrorInit) {
    super(`${init.status} ${init.statusText || "Error"}: ${init.method} ${init.url}`.replace(/\s+/g, " "));
    this.status = init.status;
    this.statusText = init.statusText;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body as KeptBody<Body>;
    this.requestId = init.requestId;
    this.headers = init.headers;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
