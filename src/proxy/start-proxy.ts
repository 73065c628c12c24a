// The validating reverse proxy: an HTTP server on HOST:PORT that passes each request to one upstream origin and hands
// each finished exchange to its judging (judging-queue.ts, on to the judging thread). Never an open proxy: a request
// target in absolute form (`GET http://elsewhere/ HTTP/1.1`, `OPTIONS *`) and CONNECT get 400, and only the upstream's
// origin is contacted.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Pool } from "undici";
import { urlHost } from "../net/ports.ts";
import { type ExchangeSink, type ForwardSettings, forwardRequest } from "./forward-request.ts";
import { connectRefusal, sendProxyError } from "./proxy-error.ts";

export interface ProxyOptions {
  upstream: URL;
  host: string;
  /** 0: a free port. */
  port: number;
  /** The longest wait for the upstream, in milliseconds: for its response headers, then between chunks. */
  timeoutMs: number;
  maxBodyBytes: number;
  /** Gets every exchange once its response has ended. */
  judging: ExchangeSink;
  /** Removes the credentials collected so far from an error message. */
  redact: (text: string) => string;
  now?: () => number;
}

export interface RunningProxy {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** The requests forwarded to the upstream so far. */
  readonly forwarded: number;
  /**
   * Stops listening and ends every connection: exchanges under way are cut, requests waiting for room get a 503.
   */
  close(): Promise<void>;
}

/**
 * Forwards the request once the judging has room; not at all when the client went away while it waited, and with a
 * 503 when the proxy began to stop while it waited (it would be forwarded but never judged).
 */
function forwardWhenAdmitted(
  req: IncomingMessage,
  res: ServerResponse,
  settings: ForwardSettings,
  { counted, stopping }: { counted: () => void; stopping: () => boolean },
) {
  const forward = () => {
    if (req.destroyed || res.destroyed) return;
    if (stopping()) {
      const message = "the proxy is stopping: this request waited for room to be judged and was not forwarded";
      sendProxyError(res, "proxy-stopping", message, settings.upstream.origin);
      return;
    }
    counted();
    forwardRequest(req, res, settings);
  };
  const admission = settings.judging.admission();
  if (admission) void admission.then(forward);
  else forward();
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const { upstream, judging } = options;
  // As many connections as requests under way (as Node's keep-alive Agent), each kept for the next request.
  const pool = new Pool(upstream.origin, { connectTimeout: options.timeoutMs });
  const settings: ForwardSettings = {
    upstream,
    pool,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    now: options.now ?? (() => performance.now()),
    redact: options.redact,
    judging,
  };
  let forwarded = 0;
  let stopping = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/")) {
      sendProxyError(
        res,
        "not-origin-form",
        "this is a reverse proxy for one upstream: a request target must be a path (origin form), not an absolute URL or *",
        upstream.origin,
      );
      return;
    }
    forwardWhenAdmitted(req, res, settings, { counted: () => forwarded++, stopping: () => stopping });
  });
  server.on("connect", (_req: IncomingMessage, socket: Socket) => {
    socket.on("error", () => {});
    socket.end(connectRefusal(upstream.origin));
  });
  server.listen(options.port, options.host);
  await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error))]);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(options.host)}:${port}`,
    get forwarded() {
      return forwarded;
    },
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      // The requests waiting for room get their 503 before the connections are ended.
      stopping = true;
      judging.close();
      await new Promise((resolve) => setImmediate(resolve));
      server.closeAllConnections();
      await Promise.all([closed, pool.destroy()]);
    },
  };
}
