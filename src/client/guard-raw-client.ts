// `client.raw` keeps every policy of the client whatever is passed per call: no per-call fetch, Request or base URL.
import { type Client, removeTrailingSlash } from "openapi-fetch";
import type { paths } from "../../generated/video-logs.d.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import type { SecretScrubber } from "./secret-scrubber.ts";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** Why a per-call option is refused, or undefined when the call keeps the client's policies. */
function refusal(init: unknown, baseUrl: string): InvalidInputError | undefined {
  if (typeof init !== "object" || init === null) return undefined;
  const options = init as Record<string, unknown>;
  for (const field of ["fetch", "Request"]) {
    if (options[field] !== undefined) {
      return new InvalidInputError(
        field,
        `client.raw does not take a per-call ${field}: it would bypass the client's credentials, origin check, timeouts, retries and body limit`,
      );
    }
  }
  if (options.baseUrl !== undefined && removeTrailingSlash(String(options.baseUrl)) !== baseUrl) {
    return new InvalidInputError(
      "baseUrl",
      `client.raw only sends to the client's base URL ${baseUrl}; create another client for another target`,
    );
  }
  return undefined;
}

/**
 * Wraps an openapi-fetch client: a call that passes `fetch`, `Request` or another `baseUrl` is refused with an
 * InvalidInputError before anything is sent, and every error it throws has the credentials scrubbed.
 */
export function guardRawClient(client: Client<paths>, baseUrl: string, scrubber: SecretScrubber): Client<paths> {
  const guarded: Record<string, unknown> = { ...client };
  for (const method of METHODS) {
    const call = client[method] as (path: unknown, init?: unknown) => Promise<unknown>;
    guarded[method] = (path: unknown, init?: unknown) => {
      const refused = refusal(init, baseUrl);
      if (refused) return Promise.reject(refused);
      return call(path, init).catch((error: unknown) => {
        throw scrubber.error(error);
      });
    };
  }
  const request = client.request as (method: unknown, path: unknown, init?: unknown) => Promise<unknown>;
  guarded.request = (method: unknown, path: unknown, init?: unknown) => {
    const refused = refusal(init, baseUrl);
    if (refused) return Promise.reject(refused);
    return request(method, path, init).catch((error: unknown) => {
      throw scrubber.error(error);
    });
  };
  return guarded as unknown as Client<paths>;
}
