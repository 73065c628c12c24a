// One request passed to the upstream and its response passed back, both streamed with backpressure (pipe), headers
// end to end (hop-by-hop ones per hop), Host rewritten, the body's bytes untouched. A copy of the response body, bounded,
// is judged once the response has ended. An upstream that cannot be reached gives 502; one that does not answer in
// time, 504; a client that goes away aborts the upstream request.
import { type Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
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
  agent: Agent;
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

/** The request's headers for the upstream: end to end, and Host naming the upstream. */
function upstreamHeaders(raw: readonly string[], host: string): string[] {
  return withHost(endToEndHeaders(raw), host);
}

/** The headers with Host naming `host`, first. */
function withHost(headers: readonly string[], host: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < headers.length; i += 2)
    if (headers[i]!.toLowerCase() !== "host") kept.push(headers[i]!, headers[i + 1]!);
  return ["Host", host, ...kept];
}

class UpstreamTimeout extends Error {}

export function forwardRequest(req: IncomingMessage, res: ServerResponse, settings: ForwardSettings): void {
  const { upstream, timeoutMs } = settings;
  const started = settings.now();
  const startedAt = new Date();
  const send = upstream.protocol === "https:" ? httpsRequest : httpRequest;
  const upstreamReq = send({
    protocol: upstream.protocol,
    hostname: upstream.hostname.replace(/^\[|\]$/g, ""),
    port: upstream.port || undefined,
    method: req.method,
    path: req.url,
    headers: upstreamHeaders(req.rawHeaders, upstream.host),
    agent: settings.agent,
    setHost: false,
  });
  // Until the response headers: the whole wait; after them, each pause between chunks.
  const headersTimer = setTimeout(() => upstreamReq.destroy(new UpstreamTimeout()), timeoutMs);
  upstreamReq.setTimeout(timeoutMs, () => upstreamReq.destroy(new UpstreamTimeout()));
  res.on("close", () => {
    clearTimeout(headersTimer);
    if (!res.writableFinished) upstreamReq.destroy();
  });
  upstreamReq.on("error", (error) => {
    clearTimeout(headersTimer);
    if (res.headersSent) return void res.destroy();
    if (error instanceof UpstreamTimeout)
      return sendProxyError(
        res,
        "upstream-timeout",
        `the upstream ${upstream.origin} did not answer within ${timeoutMs} ms`,
        upstream.origin,
      );
    const reason = settings.redact((error as NodeJS.ErrnoException).code ?? error.message).slice(0, 200);
    sendProxyError(
      res,
      "upstream-unreachable",
      `the proxy could not reach the upstream ${upstream.origin}: ${reason}`,
      upstream.origin,
    );
  });
  upstreamReq.on("response", (response) => {
    clearTimeout(headersTimer);
    passResponse(req, response, res, settings, { started, startedAt });
  });
  req.pipe(upstreamReq);
}

function passResponse(
  req: IncomingMessage,
  response: IncomingMessage,
  res: ServerResponse,
  settings: ForwardSettings,
  { started, startedAt }: { started: number; startedAt: Date },
): void {
  const responseHeaders = endToEndHeaders(response.rawHeaders);
  res.writeHead(response.statusCode ?? 502, response.statusMessage, responseHeaders);
  const copy = new BodyCopy(settings.maxBodyBytes);
  let wireBytes = 0;
  response.on("data", (chunk: Buffer) => {
    wireBytes += chunk.length;
    copy.add(chunk);
  });
  response.on("error", () => res.destroy());
  response.on("aborted", () => res.destroy());
  response.on("end", () => {
    const body = copy.decoded(response.headers["content-encoding"]);
    const exchange: ProxiedExchange = {
      method: req.method ?? "GET",
      url: `${settings.upstream.origin}${req.url}`,
      // As the application sent them (a Proxy-Authorization too: collected to be redacted), Host as the upstream got it.
      requestHeaders: withHost(req.rawHeaders, settings.upstream.host),
      status: response.statusCode ?? 0,
      statusText: response.statusMessage ?? "",
      responseHeaders,
      body: body.kind === "bytes" ? body.bytes : undefined,
      wireBytes,
      startedAt,
      time: Math.max(0, settings.now() - started),
    };
    settings.judging.add(exchange, body.kind === "too-large");
  });
  response.pipe(res);
}
