// One request passed to the upstream and its response passed back, both streamed with backpressure, headers end to end
// (hop-by-hop ones per hop), Host rewritten, the body's bytes untouched. The upstream is reached through an undici Pool
// (its dispatch API, the cheapest per request: raw header bytes, no stream objects). A copy of the response body,
// bounded, is judged once the response has ended. An upstream that cannot be reached gives 502; one that does not
// answer in time, 504; a client that goes away aborts the upstream request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Dispatcher } from "undici";
import { BodyCopy } from "./body-copy.ts";
import { endToEndHeaders, headerValue } from "./hop-by-hop.ts";
import type { ProxiedExchange } from "./proxied-entry.ts";
import { sendProxyError } from "./proxy-error.ts";

/** Where the proxy's exchanges go to be judged (a JudgingQueue): bounded, so it may make a new request wait. */
export interface ExchangeSink {
  /** Undefined when a new request may be forwarded now; else a promise of the moment it may. */
  admission(): Promise<void> | undefined;
  add(exchange: ProxiedExchange, tooLarge: boolean): void;
  /** Lets every waiting request go: the proxy is closing. */
  close(): void;
}

export interface ForwardSettings {
  upstream: URL;
  /** Connections to the upstream's origin, and only to it. */
  pool: Dispatcher;
  /** The longest wait for the upstream's response headers, and for each chunk after them, in milliseconds. */
  timeoutMs: number;
  /** The largest body copied for judging, raw and decoded. */
  maxBodyBytes: number;
  now: () => number;
  /** Removes collected credentials from an error message. */
  redact: (text: string) => string;
  /** Gets each exchange once its response has ended (its body undefined when past the bound). */
  judging: ExchangeSink;
}

/**
 * The request's headers for the upstream: end to end, Host naming the upstream, first. Expect is answered by this hop
 * (Node's server sends 100 Continue itself), so it is not passed on.
 */
function upstreamHeaders(raw: readonly string[], host: string): string[] {
  return withHost(endToEndHeaders(raw), host, UPSTREAM_DROPPED);
}

const UPSTREAM_DROPPED = new Set(["host", "expect"]);
const HOST = new Set(["host"]);

/**
 * The headers with Host naming `host`, first, and none of the `dropped` names: as the application sent them, the
 * request as the upstream got it (for judging and recording).
 */
function withHost(headers: readonly string[], host: string, dropped: ReadonlySet<string> = HOST): string[] {
  const kept = ["Host", host];
  for (let i = 0; i < headers.length; i += 2)
    if (!dropped.has(headers[i]!.toLowerCase())) kept.push(headers[i]!, headers[i + 1]!);
  return kept;
}

/** Whether the request carries a body (RFC 9112 §6.3): only then is one streamed to the upstream. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;
}

const TIMEOUTS = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);

/** undici's raw header bytes as Node's rawHeaders (names and values as latin1 strings, as Node's parser gives them). */
function rawHeaderStrings(raw: readonly Buffer[]): string[] {
  const strings = new Array<string>(raw.length);
  for (let i = 0; i < raw.length; i++) strings[i] = raw[i]!.toString("latin1");
  return strings;
}

export function forwardRequest(req: IncomingMessage, res: ServerResponse, settings: ForwardSettings): void {
  const passing = new PassedResponse(req, res, settings);
  res.on("close", () => {
    if (!res.writableFinished) passing.clientGone();
  });
  settings.pool.dispatch(
    {
      path: req.url!,
      method: req.method as Dispatcher.HttpMethod,
      headers: upstreamHeaders(req.rawHeaders, settings.upstream.host),
      body: hasBody(req) ? req : null,
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
    },
    passing,
  );
}

/**
 * The upstream's answer to one request (undici's dispatch handler): passed to the client as it comes, a bounded copy
 * of its body kept, and the exchange handed to judging once it has ended.
 */
class PassedResponse implements Dispatcher.DispatchHandler {
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #settings: ForwardSettings;
  readonly #started: number;
  readonly #startedAt = new Date();
  #abort: ((reason?: Error) => void) | undefined;
  #gone = false;
  #status = 0;
  #statusText = "";
  #headers: string[] = [];
  #copy: BodyCopy | undefined;
  #wireBytes = 0;

  constructor(req: IncomingMessage, res: ServerResponse, settings: ForwardSettings) {
    this.#req = req;
    this.#res = res;
    this.#settings = settings;
    this.#started = settings.now();
  }

  /** The client went away before the answer ended: the upstream request is aborted. */
  clientGone(): void {
    this.#gone = true;
    this.#abort?.();
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.#abort = abort;
    if (this.#gone) abort();
  }

  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean {
    // An informational answer (103 Early Hints) is this hop's; the final one follows.
    if (status < 200) return true;
    this.#status = status;
    this.#statusText = statusText;
    this.#headers = endToEndHeaders(rawHeaderStrings(rawHeaders));
    this.#res.writeHead(status, statusText, this.#headers);
    this.#res.on("drain", resume);
    this.#copy = new BodyCopy(this.#settings.maxBodyBytes);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#wireBytes += chunk.length;
    this.#copy!.add(chunk);
    return this.#res.write(chunk);
  }

  onComplete(): void {
    this.#res.end();
    const { upstream, now, judging } = this.#settings;
    const req = this.#req;
    const body = this.#copy!.decoded(headerValue(this.#headers, "content-encoding"));
    judging.add(
      {
        method: req.method ?? "GET",
        url: `${upstream.origin}${req.url}`,
        // As the application sent them (a Proxy-Authorization too: collected to be redacted), Host as the upstream got it.
        requestHeaders: withHost(req.rawHeaders, upstream.host),
        status: this.#status,
        statusText: this.#statusText,
        responseHeaders: this.#headers,
        body: body.kind === "bytes" ? body.bytes : undefined,
        wireBytes: this.#wireBytes,
        startedAt: this.#startedAt,
        time: Math.max(0, now() - this.#started),
      },
      body.kind === "too-large",
    );
  }

  onError(error: Error): void {
    if (this.#gone) return;
    if (this.#res.headersSent) {
      this.#res.destroy();
      return;
    }
    const { upstream, timeoutMs, redact } = this.#settings;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && TIMEOUTS.has(code)) {
      const message = `the upstream ${upstream.origin} did not answer within ${timeoutMs} ms`;
      sendProxyError(this.#res, "upstream-timeout", message, upstream.origin);
      return;
    }
    const reason = redact(code ?? error.message).slice(0, 200);
    const message = `the proxy could not reach the upstream ${upstream.origin}: ${reason}`;
    sendProxyError(this.#res, "upstream-unreachable", message, upstream.origin);
  }
}
