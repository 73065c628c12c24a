// The validating reverse proxy: an HTTP server on HOST:PORT that passes each request to one upstream origin and judges
// each response of an operation of the spec (proxy-session.ts). Never an open proxy: a request target in absolute form
// (`GET http://elsewhere/ HTTP/1.1`, `OPTIONS *`) and CONNECT get 400, and only the upstream's origin is contacted.
import { once } from "node:events";
import { createServer, Agent as HttpAgent, type IncomingMessage, type ServerResponse } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { HarEntry } from "../check/har/har-entry.ts";
import { urlHost } from "../net/ports.ts";
import { forwardRequest } from "./forward-request.ts";
import { type ProxiedExchange, proxiedEntry } from "./proxied-entry.ts";
import { connectRefusal, sendProxyError } from "./proxy-error.ts";
import type { ProxySession } from "./proxy-session.ts";

export interface ProxyOptions {
  upstream: URL;
  host: string;
  /** 0: a free port. */
  port: number;
  /** The longest wait for the upstream, in milliseconds: for its response headers, then between chunks. */
  timeoutMs: number;
  maxBodyBytes: number;
  session: ProxySession;
  /** Gets every exchange's entry after it was judged (a recording writer); its own errors are its own. */
  record?: (entry: HarEntry) => void;
  now?: () => number;
}

export interface RunningProxy {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** Stops listening and ends every connection; exchanges under way are cut. */
  close(): Promise<void>;
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const { upstream, session } = options;
  const Agent = upstream.protocol === "https:" ? HttpsAgent : HttpAgent;
  const agent = new Agent({ keepAlive: true });
  const onExchange = (exchange: ProxiedExchange, tooLarge: boolean) => {
    const entry = proxiedEntry(exchange);
    if (tooLarge) session.tooLarge();
    else session.observe(entry);
    options.record?.(entry);
  };
  const settings = {
    upstream,
    agent,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    now: options.now ?? (() => performance.now()),
    redact: (text: string) => session.redactor.text(text),
    onExchange,
  };
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
    session.counts.forwarded++;
    forwardRequest(req, res, settings);
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
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}
