import { VideoLogsError } from "./video-logs-error.ts";

/**
 * A response body grew past `maxBodyBytes` (counted after decompression) and the client stopped reading it. Not
 * retried: the same request would bring the same body.
 */
export class ResponseTooLargeError extends VideoLogsError {
  override name = "ResponseTooLargeError";
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** The limit that was exceeded, in bytes (the client's `maxBodyBytes`). */
  readonly maxBodyBytes: number;

  constructor(method: string, url: string, status: number, maxBodyBytes: number) {
    super(`Response body larger than maxBodyBytes (${maxBodyBytes} bytes): ${status} ${method} ${url}`);
    this.method = method;
    this.url = url;
    this.status = status;
    this.maxBodyBytes = maxBodyBytes;
  }
}

export function isResponseTooLargeError(error: unknown): error is ResponseTooLargeError {
  return error instanceof ResponseTooLargeError;
}
