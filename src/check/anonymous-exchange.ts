// The no-credentials probe's request: the exchange primitive's answer for a request that carries no Authorization
// header at all. No client is involved (a client always sends its credentials), so nothing secret can leak; the body
// is read within the same byte limit and redirects are not followed.
import { type Exchange, exchange } from "../client/exchange.ts";
import type { OutgoingRequest, ReceivedResponse } from "../client/policy-fetch.ts";
import { BodyLimitExceeded, readBodyWithin } from "../client/read-body.ts";
import { NetworkError } from "../errors/network-error.ts";
import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import type { Operation } from "../operations/operation-table.ts";
import { NO_SECRETS } from "../redaction/redactor.ts";

export interface AnonymousOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  userAgent: string;
  signal?: AbortSignal;
  /** Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
}

/** Sends `url` with no credentials and reads the answer as the client would. */
export function anonymousExchange(operation: Operation, url: string, options: AnonymousOptions): Promise<Exchange> {
  const send = async (request: OutgoingRequest): Promise<ReceivedResponse> => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    let response: Response | undefined;
    try {
      response = await (options.fetch ?? fetch)(request.url, {
        method: request.method,
        headers: request.headers,
        redirect: "manual",
        signal,
      });
      return { response, bytes: await readBodyWithin(response, options.maxBodyBytes) };
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (deadline.aborted) throw new TimeoutError(request.method, request.url, options.timeoutMs);
      if (error instanceof BodyLimitExceeded)
        throw new ResponseTooLargeError(request.method, request.url, response?.status ?? 0, options.maxBodyBytes);
      throw new NetworkError(request.method, request.url, error);
    }
  };
  // It sends no credentials, so it has none to redact; the drift check reads its answer again with the real ones.
  return exchange(
    send,
    { "user-agent": options.userAgent, accept: "application/json" },
    { operation, url },
    NO_SECRETS,
  );
}
