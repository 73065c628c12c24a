import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort, isPortFree, urlHost } from "../../src/net/ports.ts";

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe("port helpers", () => {
  it("find a port that is free, and see it taken once something listens on it", async () => {
    const port = await findFreePort();
    expect(await isPortFree(port, "127.0.0.1")).toBe(true);
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    expect(await isPortFree(port, "127.0.0.1")).toBe(false);
  });

  it("write a wildcard host as loopback and an IPv6 host in brackets", () => {
    expect(["0.0.0.0", "::", "", "127.0.0.1", "::1", "localhost"].map(urlHost)).toEqual([
      "127.0.0.1",
      "127.0.0.1",
      "127.0.0.1",
      "127.0.0.1",
      "[::1]",
      "localhost",
    ]);
  });
});
