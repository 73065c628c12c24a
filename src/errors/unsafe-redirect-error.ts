import { VideoLogsError } from "./video-logs-error.ts";

/**
 * The server pointed the client at another origin (a redirect, or a pagination link) and the client refused to go
 * there with your credentials.
 */
export class UnsafeRedirectError extends VideoLogsError {
  override name = "UnsafeRedirectError";
  /** Where the client was asked to go. */
  readonly target: string;
  /** The only origin the client talks to. */
  readonly allowedOrigin: string;

  constructor(what: string, target: string, allowedOrigin: string) {
    super(`Refused to follow ${what} to ${target}: only ${allowedOrigin} receives your credentials`);
    this.target = target;
    this.allowedOrigin = allowedOrigin;
  }
}

export function isUnsafeRedirectError(error: unknown): error is UnsafeRedirectError {
  return error instanceof UnsafeRedirectError;
}
