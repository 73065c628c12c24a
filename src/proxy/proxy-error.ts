// The proxy's own answers: a request it refuses (400), an upstream it could not use (502, 504) and a request that
// waited for room while the proxy stopped (503), each a JSON body
// that says what happened and names the upstream, with nothing secret in it.
import type { ServerResponse } from "node:http";

export type ProxyErrorCode = "not-origin-form" | "upstream-unreachable" | "upstream-timeout" | "proxy-stopping";

const STATUS: Record<ProxyErrorCode, number> = {
  "not-origin-form": 400,
  "upstream-unreachable": 502,
  "upstream-timeout": 504,
  "proxy-stopping": 503,
};

/** The JSON body of a proxy error. */
export function proxyErrorBody(code: ProxyErrorCode, message: string, upstream: string): string {
  return JSON.stringify({ error: code, message, upstream });
}

/** Answers with the proxy's error; the connection is closed after it when the request was refused. */
export function sendProxyError(res: ServerResponse, code: ProxyErrorCode, message: string, upstream: string): void {
  const body = proxyErrorBody(code, message, upstream);
  res.writeHead(STATUS[code], {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...(code === "not-origin-form" || code === "proxy-stopping" ? { connection: "close" } : {}),
  });
  res.end(body);
}

/** The raw answer to CONNECT, written to its socket: the proxy tunnels nothing. */
export function connectRefusal(upstream: string): string {
  const body = proxyErrorBody(
    "not-origin-form",
    "this is a reverse proxy for one upstream: CONNECT is refused",
    upstream,
  );
  return `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
