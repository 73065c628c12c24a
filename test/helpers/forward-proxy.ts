// A forward proxy on loopback, as a corporate network puts in front of the internet: it relays absolute-form requests
// (`GET http://host:port/path`) and opens CONNECT tunnels, and records each one with its Proxy-Authorization.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";

export interface RelayedRequest {
  /** `GET`, … for a relayed request; `CONNECT` for a tunnel. */
  method: string;
  /** The absolute URL asked for, or `host:port` for a tunnel. */
  target: string;
  proxyAuthorization?: string;
}

export interface ForwardProxy {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  relayed: RelayedRequest[];
  close(): Promise<void>;
}

/** Hop-by-hop headers a proxy does not pass on. */
const HOP_BY_HOP = new Set([
  "proxy-authorization",
  "proxy-connection",
  "connection",
  "keep-alive",
  "te",
  "trailer",
  "upgrade",
]);

/**
 * `hosts` maps names only the proxy can resolve (such as `stand-in.test`) to addresses, as a corporate DNS would.
 * With `authorization`, a request or tunnel without that Proxy-Authorization value gets 407. With `answer`, a hostile
 * proxy: it answers each relayed request itself (echoing its Proxy-Authorization, say) instead of relaying it.
 */
export async function startForwardProxy({
  hosts = {},
  authorization,
  answer,
}: {
  hosts?: Record<string, string>;
  authorization?: string;
  answer?: (req: IncomingMessage, res: ServerResponse) => void;
} = {}): Promise<ForwardProxy> {
  const relayed: RelayedRequest[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  const record = (req: IncomingMessage) =>
    relayed.push({
      method: req.method ?? "",
      target: req.url ?? "",
      proxyAuthorization: req.headers["proxy-authorization"],
    });

  const refused = (req: IncomingMessage) =>
    authorization !== undefined && req.headers["proxy-authorization"] !== authorization;
  const server = createServer((req, res) => {
    record(req);
    if (refused(req)) {
      res.writeHead(407, { "proxy-authenticate": 'Basic realm="corp"' }).end();
      return;
    }
    if (answer) {
      answer(req, res);
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? "");
    } catch {
      res.writeHead(400).end("a proxy takes absolute-form requests");
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const upstream = httpRequest(
      {
        host: hosts[target.hostname] ?? target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connection", track);
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    record(req);
    if (refused(req)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), hosts[host!] ?? host!, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on("error", () => client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n"));
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    relayed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
