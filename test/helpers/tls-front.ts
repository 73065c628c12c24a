// An https front for a loopback http server, as `stand-in.test` with a test certificate (test/helpers/tls/, valid for
// a century, its own trust anchor): a child process trusts it through NODE_EXTRA_CA_CERTS.
import { readFileSync } from "node:fs";
import { type AddressInfo, connect, type Socket } from "node:net";
import { createServer } from "node:tls";
import { fileURLToPath } from "node:url";

export const TLS_HOST = "stand-in.test";
/** The certificate to trust (NODE_EXTRA_CA_CERTS). */
export const TLS_CERT_FILE = fileURLToPath(new URL("tls/stand-in.test.crt", import.meta.url));
const TLS_KEY_FILE = fileURLToPath(new URL("tls/stand-in.test.key", import.meta.url));

export interface TlsFront {
  port: number;
  close(): Promise<void>;
}

/** Terminates TLS on a free loopback port and relays the bytes to `backendPort`. */
export async function startTlsFront(backendPort: number): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const server = createServer({ key: readFileSync(TLS_KEY_FILE), cert: readFileSync(TLS_CERT_FILE) }, (tlsSocket) => {
    const backend = connect(backendPort, "127.0.0.1");
    for (const socket of [tlsSocket, backend]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        tlsSocket.destroy();
        backend.destroy();
      });
    }
    tlsSocket.pipe(backend).pipe(tlsSocket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
