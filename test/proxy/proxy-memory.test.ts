// A 500 MB response through the built proxy: streamed with backpressure, its judging copy bounded by
// --max-body-bytes, so the proxy's peak RSS stays far below the body's size. Heavy: it moves half a gigabyte.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, type BinChild, startBin } from "../helpers/cli.ts";
import { type LocalServer, startLocalServer } from "../helpers/local-server.ts";

const READY = /video-logs proxy listening on (http:\/\/\S+) -> /;
const BODY_BYTES = 500 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, "x");

let upstream: LocalServer | undefined;
let proxy: BinChild | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await proxy?.stop("SIGKILL");
  await upstream?.close();
});

/** The peak resident set of a process, in MB (Linux). */
const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

describe("video-logs proxy passing a 500 MB response", () => {
  it("keeps its peak RSS bounded, whatever the body's size", { timeout: 300_000 }, async () => {
    upstream = await startLocalServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      for (let sent = 0; sent < BODY_BYTES; sent += CHUNK.length)
        if (!res.write(CHUNK)) await new Promise((resolve) => res.once("drain", resolve));
      res.end();
    });
    proxy = startBin(["proxy", "--upstream", upstream.origin, "--max-body-bytes", String(8 * 1024 * 1024)]);
    const url = READY.exec(await proxy.waitForStderr((text) => READY.test(text)))![1]!;
    const received = await new Promise<number>((resolve, reject) => {
      request(`${url}/api/video/logs`, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve(bytes));
      })
        .on("error", reject)
        .end();
    });
    expect(received).toBe(BODY_BYTES);
    expect(peakRssMb(proxy.pid!)).toBeLessThan(200);
  });
});
