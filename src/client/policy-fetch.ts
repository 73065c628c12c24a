// The fetch handed to openapi-fetch: credentials only for our origin, per-attempt timeouts, retries, safe redirects.
import { NetworkError } from "../errors/network-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";
import type { ResolvedClientOptions } from "./options.ts";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES, sleep } from "./retry-delay.ts";

const MAX_REDIRECTS = 5;
const BODY_READERS = ["text", "json", "arrayBuffer", "blob", "formData", "bytes"] as const;

type PolicyOptions = Pick<
  ResolvedClientOptions,
  "origin" | "timeoutMs" | "retries" | "retryBaseMs" | "retryMaxMs" | "maxRetryAfterMs" | "fetch"
>;

function isRetryableFailure(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError;
}

/** An attempt's deadline: one controller aborted by the timer or by the caller's signal, whichever comes first. */
class AttemptDeadline {
  readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onCallerAbort = () => this.controller.abort(this.callerSignal.reason);

  constructor(
    private readonly callerSignal: AbortSignal,
    timeoutMs: number,
  ) {
    // Unref'd: a deadline whose body nobody reads must not keep the process alive.
    this.timer = setTimeout(() => this.controller.abort(), timeoutMs).unref();
    callerSignal.addEventListener("abort", this.onCallerAbort, { once: true });
  }

  end(): void {
    clearTimeout(this.timer);
    this.callerSignal.removeEventListener("abort", this.onCallerAbort);
  }

  /** Maps whatever a failed fetch or body read threw to the caller's abort reason, a TimeoutError or a NetworkError. */
  failure(error: unknown, method: string, url: string, timeoutMs: number): unknown {
    if (this.callerSignal.aborted) return this.callerSignal.reason;
    if (this.controller.signal.aborted) return new TimeoutError(method, url, timeoutMs);
    if (error instanceof UnsafeRedirectError || error instanceof NetworkError) return error;
    return new NetworkError(method, url, error);
  }
}

/**
 * Lets the deadline run on while the caller reads the body, so a body that stalls half-way times out too; reading it
 * ends the deadline. Cheaper than buffering the body here, and it leaves streaming to whoever asks for a stream.
 */
function endDeadlineWithBody(response: Response, deadline: AttemptDeadline, fail: (error: unknown) => unknown): Response {
  for (const reader of BODY_READERS) {
    const read = (response as unknown as Record<string, unknown>)[reader];
    if (typeof read !== "function") continue;
    Object.defineProperty(response, reader, {
      value: async () => {
        try {
          return await (read as () => Promise<unknown>).call(response);
        } catch (error) {
          throw fail(error);
        } finally {
          deadline.end();
        }
      },
    });
  }
  return response;
}

export function createPolicyFetch(options: PolicyOptions): (request: Request) => Promise<Response> {
  /** One attempt: follows same-origin redirects; the deadline also covers the body, read later by the caller. */
  async function attempt(request: Request): Promise<Response> {
    const deadline = new AttemptDeadline(request.signal, options.timeoutMs);
    const fail = (error: unknown) => deadline.failure(error, request.method, request.url, options.timeoutMs);
    let url = request.url;
    try {
      for (let hop = 0; ; hop++) {
        const response = await options.fetch(url, {
          method: request.method,
          headers: request.headers,
          redirect: "manual",
          signal: deadline.controller.signal,
        });
        const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
        if (location === null) {
          if (response.body === null || response.headers.get("content-length") === "0") deadline.end();
          return endDeadlineWithBody(response, deadline, fail);
        }
        await response.body?.cancel();
        const target = new URL(location, url);
        // Credentials go to our origin only: a redirect anywhere else is refused, never followed without them.
        if (target.origin !== options.origin) throw new UnsafeRedirectError("a redirect", target.href, options.origin);
        if (hop >= MAX_REDIRECTS) throw new NetworkError(request.method, request.url, new Error("too many redirects"));
        url = target.href;
      }
    } catch (error) {
      deadline.end();
      throw fail(error);
    }
  }

  return async function policyFetch(request: Request): Promise<Response> {
    if (new URL(request.url).origin !== options.origin) {
      throw new UnsafeRedirectError("a request", request.url, options.origin);
    }
    const retries = request.method === "GET" ? options.retries : 0;
    for (let attemptNumber = 0; ; attemptNumber++) {
      let response: Response;
      try {
        response = await attempt(request);
      } catch (error) {
        if (attemptNumber >= retries || !isRetryableFailure(error)) throw error;
        await sleep(backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), request.signal);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status) || attemptNumber >= retries) return response;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      // Waiting less than the server asked for would only earn another refusal: give the caller the response.
      if (retryAfter !== undefined && retryAfter > options.maxRetryAfterMs) return response;
      await response.body?.cancel();
      await sleep(retryAfter ?? backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), request.signal);
    }
  };
}
