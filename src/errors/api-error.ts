import { VideoLogsError } from "./video-logs-error.ts";

/** How much of an undeclared or non-JSON error body an ApiError keeps. */
export const MAX_ERROR_BODY_CHARS = 4096;

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
 * declares) or, when the body is not JSON, its text cut to {@link MAX_ERROR_BODY_CHARS} characters.
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
  readonly body: Body;
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
    this.body = init.body as Body;
    this.requestId = init.requestId;
    this.headers = init.headers;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
