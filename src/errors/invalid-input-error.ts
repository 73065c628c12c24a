import { VideoLogsError } from "./video-logs-error.ts";

/**
 * Thrown before any request is sent when an argument or option is unusable: an id that is not a UUID, an invalid
 * Space name, a plain-http base URL for a remote host, missing credentials, a query value the spec forbids.
 *
 * @example
 * try { await client.getLog("42"); } catch (e) { if (isInvalidInputError(e)) console.error(e.field, e.message); }
 */
export class InvalidInputError extends VideoLogsError {
  override name = "InvalidInputError";
  /** The option or parameter at fault, e.g. `id`, `space`, `baseUrl`, `apiToken`, `query.page_size`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

export function isInvalidInputError(error: unknown): error is InvalidInputError {
  return error instanceof InvalidInputError;
}
