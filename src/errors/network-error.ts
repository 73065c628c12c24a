import { VideoLogsError } from "./video-logs-error.ts";

/** The request could not be completed: connection refused or reset, DNS failure, a body cut short. */
export class NetworkError extends VideoLogsError {
  override name = "NetworkError";
  readonly method: string;
  readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    const reason =
      cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super(`Network error: ${method} ${url}: ${reason}`, { cause });
    this.method = method;
    this.url = url;
  }
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}
