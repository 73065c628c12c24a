// The fetch handed to openapi-fetch: credentials only for our origin, per-attempt timeouts, retries, safe redirects.
import { NetworkError } from "../errors/network-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";
import type { ResolvedClientOptions } from "./options.ts";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, sleep } from "./retry-delay.ts";

const MAX_REDIRECTS = 5;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

type PolicyOptions = Pick<
  ResolvedClientOptions,
  "origin" | "authorization" | "userAgent" | "timeoutMs" | "retries" | "retryBaseMs" | "retryMaxMs" | "maxRetryAfterMs" | "fetch"
>;

function isRetryableFailure(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError;
}

export function createPolicyFetch(options: PolicyOptions): (request: Request) => Promise<Response> {
  /** One attempt: follows same-origin redirects and reads the whole body, all within one timeout. */
  async function attempt(request: Request, userSignal: AbortSignal): Promise<Response> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    const signal = AbortSignal.any([userSignal, timeout.signal]);
    let url = request.url;
    try {
      for (let hop = 0; ; hop++) {
        const headers = new Headers(request.headers);
        headers.set("user-agent", options.userAgent);
        headers.set("accept", "application/json");
        // Credentials go to our origin only; they are never attached anywhere else.
        if (new URL(url).origin === options.origin) headers.set("authorization", options.authorization);
        else headers.delete("authorization");

        const response = await options.fetch(url, { method: request.method, headers, redirect: "manual", signal });
        const location = response.headers.get("location");
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          const target = new URL(location, url);
          if (target.origin !== options.origin) throw new UnsafeRedirectError("a redirect", target.href, options.origin);
          if (hop >= MAX_REDIRECTS) throw new NetworkError(request.method, request.url, new Error("too many redirects"));
          url = target.href;
          continue;
        }
        const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
        const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
        // A constructed Response has no url; errors and reports need the one that answered.
        Object.defineProperty(buffered, "url", { value: url });
        return buffered;
      }
    } catch (error) {
      if (userSignal.aborted) throw userSignal.reason;
      if (timeout.signal.aborted) throw new TimeoutError(request.method, request.url, options.timeoutMs);
      if (error instanceof UnsafeRedirectError || error instanceof NetworkError) throw error;
      throw new NetworkError(request.method, request.url, error);
    } finally {
      clearTimeout(timer);
    }
  }

  return async function policyFetch(request: Request): Promise<Response> {
    const userSignal = request.signal;
    const retries = request.method === "GET" ? options.retries : 0;
    for (let attemptNumber = 0; ; attemptNumber++) {
      let response: Response;
      try {
        response = await attempt(request, userSignal);
      } catch (error) {
        if (attemptNumber >= retries || !isRetryableFailure(error)) throw error;
        await sleep(backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), userSignal);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status) || attemptNumber >= retries) return response;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      // Waiting less than the server asked for would only earn another refusal: give the caller the response.
      if (retryAfter !== undefined && retryAfter > options.maxRetryAfterMs) return response;
      await sleep(retryAfter ?? backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), userSignal);
    }
  };
}
