// One request passed to the upstream and its response passed back, both streamed with backpressure, headers end to end
// (hop-by-hop ones per hop), Host rewritten, the body's bytes untouched. The upstream is reached through an undici Pool
// (its dispatch API, the cheapest per request: raw header bytes, no stream objects). A copy of the response body,
// bounded, is judged once the response has ended. An upstream that cannot be reached gives 502; one that does not
// answer in time, 504; a client that goes away aborts the upstream request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Dispatcher } from "undici";
import { BodyCopy } from "./body-copy.ts";
import { endToEndHeaders } from "./hop-by-hop.ts";
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
  const kept = ["Host", host];
  const headers = endToEndHeaders(raw);
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!.toLowerCase();
    if (name !== "host" && name !== "expect") kept.push(headers[i]!, headers[i + 1]!);
  }
  return kept;
}

/** The headers with Host naming `host`, first: the request as the upstream got it, for judging and recording. */
function withHost(headers: readonly string[], host: string): string[] {
  const kept = ["Host", host];
  for (let i = 0; i < headers.length; i += 2)
    if (headers[i]!.toLowerCase() !== "host") kept.push(headers[i]!, headers[i + 1]!);
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
  const { upstream, timeoutMs } = settings;
  const started = settings.now();
  const startedAt = new Date();
  let abortUpstream: ((reason?: Error) => void) | undefined;
  let clientGone = false;
  let responseHeaders: string[] = [];
  let status = 0;
  let statusText = "";
  let copy: BodyCopy | undefined;
  let wireBytes = 0;
  res.on("close", () => {
    if (res.writableFinished) return;
    clientGone = true;
    abortUpstream?.();
  });
  settings.pool.dispatch(
    {
      path: req.url!,
      method: req.method as Dispatcher.HttpMethod,
      headers: upstreamHeaders(req.rawHeaders, upstream.host),
      body: hasBody(req) ? req : null,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    },
    {
      onConnect(abort) {
        abortUpstream = abort;
        if (clientGone) abort();
      },
      onHeaders(statusCode, rawHeaders, resume, statusMessage) {
        // An informational answer (103 Early Hints) is this hop's; the final one follows.
        if (statusCode < 200) return true;
        status = statusCode;
        statusText = statusMessage;
        responseHeaders = endToEndHeaders(rawHeaderStrings(rawHeaders as unknown as Buffer[]));
        res.writeHead(statusCode, statusMessage, responseHeaders);
        res.on("drain", resume);
        copy = new BodyCopy(settings.maxBodyBytes);
        return true;
      },
      onData(chunk) {
        wireBytes += chunk.length;
        copy!.add(chunk);
        return res.write(chunk);
      },
      onComplete() {
        res.end();
        const body = copy!.decoded(headerValue(responseHeaders, "content-encoding"));
        const exchange: ProxiedExchange = {
          method: req.method ?? "GET",
          url: `${upstream.origin}${req.url}`,
          // As the application sent them (a Proxy-Authorization too: collected to be redacted), Host as the upstream got it.
          requestHeaders: withHost(req.rawHeaders, upstream.host),
          status,
          statusText,
          responseHeaders,
          body: body.kind === "bytes" ? body.bytes : undefined,
          wireBytes,
          startedAt,
          time: Math.max(0, settings.now() - started),
        };
        settings.judging.add(exchange, body.kind === "too-large");
      },
      onError(error) {
        if (clientGone) return;
        if (res.headersSent) return void res.destroy();
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== undefined && TIMEOUTS.has(code))
          return sendProxyError(
            res,
            "upstream-timeout",
            `the upstream ${upstream.origin} did not answer within ${timeoutMs} ms`,
            upstream.origin,
          );
        const reason = settings.redact(code ?? error.message).slice(0, 200);
        sendProxyError(
          res,
          "upstream-unreachable",
          `the proxy could not reach the upstream ${upstream.origin}: ${reason}`,
          upstream.origin,
        );
      },
    },
  );
}

function headerValue(raw: readonly string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) return raw[i + 1];
  return undefined;
}
