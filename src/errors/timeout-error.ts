import { VideoLogsError } from "./video-logs-error.ts";

/** One attempt took longer than `timeoutMs` (the limit applies to each attempt, body included). */
export class TimeoutError extends VideoLogsError {
  override name = "TimeoutError";
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;

  constructor(method: string, url: string, timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms: ${method} ${url}`);
    this.method = method;
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

export function isTimeoutError(error: unknown): error is TimeoutError {
  return error instanceof TimeoutError;
}
