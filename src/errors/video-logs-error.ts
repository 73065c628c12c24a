/**
 * Base class of every error this package throws. Errors never carry credentials: they hold the method, the URL
 * (which never contains credentials) and what went wrong.
 */
export class VideoLogsError extends Error {
  override name = "VideoLogsError";

  /** A plain object for logs and reports; `JSON.stringify(error)` uses it. */
  toJSON(): Record<string, unknown> {
    const own = Object.fromEntries(Object.entries(this).filter(([key]) => key !== "cause"));
    return { ...own, name: this.name, message: this.message };
  }
}

/** True for any error thrown by this package. */
export function isVideoLogsError(error: unknown): error is VideoLogsError {
  return error instanceof VideoLogsError;
}
