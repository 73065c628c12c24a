// How the client sends: credentials only for our origin, per-attempt timeouts, retries, safe redirects, a body limit.
import { NetworkError } from "../errors/network-error.ts";
import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";
import { bufferedResponse } from "./buffered-response.ts";
import type { ResolvedClientOptions } from "./options.ts";
import { BodyLimitExceeded, readBodyWithin } from "./read-body.ts";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES } from "./retry-delay.ts";

const MAX_REDIRECTS = 5;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const NO_BYTES = new Uint8Array(0);

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

/** A request as the client sends it, without the credentials (the policy adds them behind its origin check). */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Readonly<Record<string, string>>;
}

/** A response and its whole body, read within the attempt that got it. */
export interface ReceivedResponse {
  response: Response;
  bytes: Uint8Array;
}

/** Sends one request with every policy; `signal` is the caller's. */
export type SendRequest = (request: OutgoingRequest, signal?: AbortSignal) => Promise<ReceivedResponse>;

export interface PolicyFetch {
  /** The client's own path: no Request is built, and the bytes come back beside the Response. */
  send: SendRequest;
  /** The fetch handed to openapi-fetch (`client.raw`): the same policies, the Response's body readers answering from the bytes read. */
  fetch(request: Request): Promise<Response>;
}

function isRetryableFailure(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError;
}

/** A URL as fetch would show it (percent-encoded, normalised); only errors need it, so only they pay for it. */
const shownUrl = (url: string) => (URL.canParse(url) ? new URL(url).href : url);

const abortOnTimeout = (controller: AbortController) => controller.abort();

/** An attempt's deadline: one controller, aborted by the timer or by the caller's signal, whichever comes first. */
class AttemptDeadline {
  readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onCallerAbort: (() => void) | undefined;

  constructor(
    private readonly callerSignal: AbortSignal | undefined,
    private readonly timeoutMs: number,
  ) {
    callerSignal?.throwIfAborted();
    this.timer = setTimeout(abortOnTimeout, timeoutMs, this.controller);
    if (callerSignal) {
      this.onCallerAbort = () => this.controller.abort(callerSignal.reason);
      callerSignal.addEventListener("abort", this.onCallerAbort, { once: true });
    }
  }

  end(): void {
    clearTimeout(this.timer);
    if (this.onCallerAbort) this.callerSignal!.removeEventListener("abort", this.onCallerAbort);
  }

  /** What a failed attempt throws: the caller's abort reason, a TimeoutError, or a NetworkError. */
  failure(error: unknown, method: string, url: string): unknown {
    if (this.callerSignal?.aborted) return this.callerSignal.reason;
    if (this.controller.signal.aborted) return new TimeoutError(method, shownUrl(url), this.timeoutMs);
    if (error instanceof UnsafeRedirectError || error instanceof NetworkError || error instanceof ResponseTooLargeError)
      return error;
    return new NetworkError(method, shownUrl(url), error);
  }
}

export function createPolicyFetch(options: PolicyOptions): PolicyFetch {
  const send: SendRequest = (request, signal) => sendWithPolicies(options, request, signal);
  return {
    send,
    async fetch(request: Request): Promise<Response> {
      const { response, bytes } = await send(
        { url: request.url, method: request.method, headers: Object.fromEntries(request.headers) },
        request.signal,
      );
      return bufferedResponse(response, bytes);
    },
  };
}

/** Sends to our origin only; a GET is retried after a failed attempt or a retryable status, with a wait between. */
async function sendWithPolicies(
  options: PolicyOptions,
  request: OutgoingRequest,
  signal?: AbortSignal,
): Promise<ReceivedResponse> {
  // Every URL that reaches here was built under the base URL or checked to lie under it; this prefix test is the
  // last guard, and it holds for unnormalised text too: the origin ends at the first "/".
  if (!request.url.startsWith(`${options.origin}/`)) {
    throw new UnsafeRedirectError("a request", shownUrl(request.url), options.origin);
  }
  const retries = request.method === "GET" ? options.retries : 0;
  for (let attemptNumber = 0; ; attemptNumber++) {
    let received: ReceivedResponse;
    try {
      received = await attempt(options, request, signal);
    } catch (error) {
      if (attemptNumber >= retries || !isRetryableFailure(error)) throw error;
      await options.sleep(backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), signal);
      continue;
    }
    const { response } = received;
    if (!RETRYABLE_STATUSES.has(response.status) || attemptNumber >= retries) return received;
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"), options.now());
    // Waiting less than the server asked for would only earn another refusal: give the caller the response.
    if (retryAfter !== undefined && retryAfter > options.maxRetryAfterMs) return received;
    await options.sleep(retryAfter ?? backoffDelay(attemptNumber, options.retryBaseMs, options.retryMaxMs), signal);
  }
}

/**
 * One attempt: follows same-origin redirects and reads the whole body, all within one deadline, so a body that
 * stalls or breaks half-way is retried like any other failed attempt.
 */
async function attempt(
  options: PolicyOptions,
  request: OutgoingRequest,
  signal: AbortSignal | undefined,
): Promise<ReceivedResponse> {
  const deadline = new AttemptDeadline(signal, options.timeoutMs);
  try {
    const { response, url } = await followRedirects(options, request, deadline.controller.signal);
    return { response, bytes: await wholeBody(options, request.method, url, response) };
  } catch (error) {
    throw deadline.failure(error, request.method, request.url);
  } finally {
    deadline.end();
  }
}

/** The response at the end of the redirects, which are followed within our origin only, and the URL it came from. */
async function followRedirects(
  options: PolicyOptions,
  request: OutgoingRequest,
  signal: AbortSignal,
): Promise<{ response: Response; url: string }> {
  const { method } = request;
  // The credentials are added here, behind the origin check, never on a request the caller or openapi-fetch built.
  const headers = { ...request.headers, authorization: options.authorization };
  let url = request.url;
  for (let hop = 0; ; hop++) {
    const response = await options.fetch(url, { method, headers, redirect: "manual", signal });
    const { status } = response;
    const location = status >= 300 && status < 400 ? response.headers.get("location") : null;
    if (location === null) return { response, url };
    await response.body?.cancel();
    const target = new URL(location, url);
    // Credentials go to our origin only: a redirect anywhere else is refused, never followed without them.
    if (target.origin !== options.origin) throw new UnsafeRedirectError("a redirect", target.href, options.origin);
    if (hop >= MAX_REDIRECTS)
      throw new UnsafeRedirectError(`more than ${MAX_REDIRECTS} redirects`, target.href, options.origin);
    url = target.href;
  }
}

/** A response's whole body, within the size limit: past it, a ResponseTooLargeError names the URL that sent it. */
async function wholeBody(options: PolicyOptions, method: string, url: string, response: Response): Promise<Uint8Array> {
  if (NULL_BODY_STATUSES.has(response.status)) return NO_BYTES;
  try {
    return await readBodyWithin(response, options.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyLimitExceeded)
      throw new ResponseTooLargeError(method, shownUrl(url), response.status, options.maxBodyBytes);
    throw error;
  }
}
