// The fetch handed to openapi-fetch: credentials only for our origin, per-attempt timeouts, retries, safe redirects.
import { NetworkError } from "../errors/network-error.ts";
import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";
import type { ResolvedClientOptions } from "./options.ts";
import { BodyLimitExceeded, readBodyWithin } from "./read-body.ts";
import { rememberReceivedBody } from "./received-body.ts";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES } from "./retry-delay.ts";

const MAX_REDIRECTS = 5;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const UTF8 = new TextDecoder();

type PolicyOptions = Pick<
  ResolvedClientOptions,
  | "origin"
  | "timeoutMs"
  | "retries"
  | "retryBaseMs"
  | "retryMaxMs"
  | "maxRetryAfterMs"
  | "fetch"
  | "now"
  | "sleep"
  | "maxBodyBytes"
  | "authorization"
>;

function isRetryableFailure(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError;
}

/** An attempt's deadline: one controller, aborted by the timer or by the caller's signal, whichever comes first. */
class AttemptDeadline {
  readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onCallerAbort = () => this.controller.abort(this.callerSignal.reason);

  constructor(
    private readonly callerSignal: AbortSignal,
    private readonly timeoutMs: number,
  ) {
    callerSignal.throwIfAborted();
    this.timer = setTimeout(() => this.controller.abort(), timeoutMs);
    callerSignal.addEventListener("abort", this.onCallerAbort, { once: true });
  }

  end(): void {
    clearTimeout(this.timer);
    this.callerSignal.removeEventListener("abort", this.onCallerAbort);
  }

  /** What a failed attempt throws: the caller's abort reason, a TimeoutError, or a NetworkError. */
  failure(error: unknown, method: string, url: string): unknown {
    if (this.callerSignal.aborted) return this.callerSignal.reason;
    if (this.controller.signal.aborted) return new TimeoutError(method, url, this.timeoutMs);
    if (error instanceof UnsafeRedirectError || error instanceof NetworkError || error instanceof ResponseTooLargeError) return error;
    return new NetworkError(method, url, error);
  }
}

/**
 * Hands back the real Response (status, headers and url intact) with its body readers answering from the bytes read
 * within the attempt. Cheaper than constructing a second Response around the same bytes.
 */
function serveBuffered(response: Response, bytes: Uint8Array): Response {
  rememberReceivedBody(response, bytes);
  const readers: Record<string, () => unknown> = {
    arrayBuffer: () => bytes.slice().buffer,
    bytes: () => bytes.slice(),
    text: () => UTF8.decode(bytes),
    json: () => JSON.parse(UTF8.decode(bytes)),
    blob: () => new Blob([bytes], { type: response.headers.get("content-type") ?? "" }),
  };
  for (const [name, read] of Object.entries(readers)) {
    Object.defineProperty(response, name, { value: async () => read() });
  }
  Object.defineProperty(response, "body", {
    // The client asks for the stream only to keep openapi-fetch from decoding (settle reads the bytes): copy on read.
    get: () =>
      bytes.byteLength === 0
        ? null
        : new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                controller.enqueue(bytes.slice());
                controller.close();
              },
            },
            { highWaterMark: 0 },
          ),
  });
  return response;
}

export function createPolicyFetch(options: PolicyOptions): (request: Request) => Promise<Response> {
  async function readBody(response: Response, method: string, url: string): Promise<Uint8Array> {
    try {
      return await readBodyWithin(response, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyLimitExceeded) throw new ResponseTooLargeError(method, url, response.status, options.maxBodyBytes);
      throw error;
    }
  }

  /**
   * One attempt: follows same-origin redirects and reads the whole body, all within one deadline, so a body that
   * stalls or breaks half-way is retried like any other failed attempt.
   */
  async function attempt(request: Request, signal: AbortSignal): Promise<Response> {
    const deadline = new AttemptDeadline(signal, options.timeoutMs);
    let url = request.url;
    // The credentials are added here, behind the origin check, never on the Request openapi-fetch builds: a fetch
    // passed per call could otherwise carry them anywhere.
    const headers = new Headers(request.headers);
    headers.set("authorization", options.authorization);
    try {
      for (let hop = 0; ; hop++) {
        const response = await options.fetch(url, {
          method: request.method,
          headers,
          redirect: "manual",
          signal: deadline.controller.signal,
        });
        const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
        if (location === null) {
          const body = NULL_BODY_STATUSES.has(response.status) ? new Uint8Array(0) : await readBody(response, request.method, url);
          return serveBuffered(response, body);
        }
        await response.body?.cancel();
        const target = new URL(location, url);
        // Credentials go to our origin only: a redirect anywhere else is refused, never followed without them.
        if (target.origin !== options.origin) throw new UnsafeRedirectError("a redirect", target.href, options.origin);
        if (hop >= MAX_REDIRECTS) throw new UnsafeRedirectError(`more than ${MAX_REDIRECTS} redirects`, target.href, options.origin);
        url = target.href;
      }
    } catch (error) {
      throw deadline.failure(error, request.method, request.url);
    } finally {
      deadline.end();
    }
  }

  /** `signal`, when given, stands for the request's own (the exchange passes the caller's beside the Request). */
  return async function policyFetch(request: Request, signal: AbortSignal = request.signal): Promise<Response> {
    // The URL is already normalised by Request, so a prefix test tells its origin.
    if (!request.url.startsWith(`${options.origin}/`)) {
      throw new UnsafeRedirectError("a request", request.url, options.origin);
    }
    const retries = request.method === "GET" ? options.retries : 0;
    for (let attemptNumber = 0; ; attemptNumber++) {
      let response: Response;
      try {
        response = await attempt(request, signal);
      } catch (error) {
        if (attemptNumber >= retries || !isRetryableFailure(error)) throw error;
        await options.sleep(backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), signal);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status) || attemptNumber >= retries) return response;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"), options.now());
      // Waiting less than the server asked for would only earn another refusal: give the caller the response.
      if (retryAfter !== undefined && retryAfter > options.maxRetryAfterMs) return response;
      await options.sleep(retryAfter ?? backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), signal);
    }
  };
}
