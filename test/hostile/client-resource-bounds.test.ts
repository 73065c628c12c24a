// Hostile servers against memory and time: huge, compressed-bomb, endless and dripping bodies.
import { brotliCompressSync, deflateSync, gzipSync, constants as zlib } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type ApiError, type ContractViolationError, MAX_KEPT_BODY_BYTES } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { completedLog, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { readInChild } from "./child/run-child.ts";
import { thrownBy } from "./hostile-helpers.ts";
import { drip, streamBytes } from "./streaming-server.ts";

const servers = serverPerTest();
const MB = 1024 * 1024;
const DEFAULT_LIMIT = 32 * MB;
/** What a child process may add to its peak RSS while refusing a huge body (the limit, plus slack for buffers). */
const RSS_BOUND_KB = 200 * 1024;
const report = (label: string, value: unknown) =>
  process.env.HOSTILE_FIGURES && console.log(`${label}: ${JSON.stringify(value)}`);

/** 1 GiB of zeros as 1024 gzip members of 1 MiB each: about 1 MB on the wire. */
const gzipBomb = (() => {
  const member = gzipSync(Buffer.alloc(MB));
  return Buffer.concat(Array.from({ length: 1024 }, () => member));
})();

describe("a body past maxBodyBytes ends in a ResponseTooLargeError naming the limit", () => {
  it("for a 500 MB 2xx body without a length, in bounded memory and time (measured in a child process)", async () => {
    const server = await servers.start((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      streamBytes(res, 500 * MB, '{"id":"');
    });
    const outcome = await readInChild(server.url, { timeoutMs: 10_000 });
    report("500 MB chunked 2xx", outcome);
    expect(outcome).toMatchObject({ name: "ResponseTooLargeError", maxBodyBytes: DEFAULT_LIMIT, status: 200 });
    expect(outcome.message).toContain(`maxBodyBytes (${DEFAULT_LIMIT} bytes)`);
    expect(outcome.peakRssKb - outcome.baselineRssKb).toBeLessThan(RSS_BOUND_KB);
    expect(outcome.elapsedMs).toBeLessThan(10_000 + 2000);
  }, 30_000);

  it("for a 1 MB gzip body inflating to 1 GiB, in bounded memory (measured in a child process)", async () => {
    const server = await servers.start((_q, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": gzipBomb.length,
      });
      res.end(gzipBomb);
    });
    const outcome = await readInChild(server.url, { timeoutMs: 10_000 });
    report("gzip bomb", { wire: gzipBomb.length, ...outcome });
    expect(outcome).toMatchObject({ name: "ResponseTooLargeError", maxBodyBytes: DEFAULT_LIMIT });
    expect(outcome.peakRssKb - outcome.baselineRssKb).toBeLessThan(RSS_BOUND_KB);
  }, 30_000);

  it("at once for a 500 MB body announced by its Content-Length", async () => {
    const client = await servers.clientWith((_q, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": 500 * MB });
      streamBytes(res, 500 * MB);
    });
    const started = performance.now();
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({
      name: "ResponseTooLargeError",
      maxBodyBytes: DEFAULT_LIMIT,
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ["a 200 MB JSON 404", 404, {}],
    ["a 200 MB 503, not retried", 503, { retries: 2 }],
  ])("for %s", async (_label, status, options) => {
    const client = await servers.clientWith(
      (_q, res) => {
        res.writeHead(status, { "content-type": "application/json" });
        streamBytes(res, 200 * MB, '{"error":"');
      },
      { maxBodyBytes: MB, ...options },
    );
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({
      name: "ResponseTooLargeError",
      status,
      maxBodyBytes: MB,
    });
    expect(servers.server.requests).toHaveLength(1);
  });

  it.each([
    ["deflate", deflateSync(Buffer.alloc(16 * MB))],
    ["br", brotliCompressSync(Buffer.alloc(16 * MB), { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } })],
    ["gzip", gzipBomb],
  ])("for a %s bomb, counting the decoded bytes", async (encoding, body) => {
    const client = await servers.clientWith(
      (_q, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": encoding });
        res.end(body);
      },
      { maxBodyBytes: MB },
    );
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ name: "ResponseTooLargeError", maxBodyBytes: MB });
  });

  it.each([
    ["with a Content-Length", true],
    ["chunked", false],
  ])("reads a body of exactly maxBodyBytes and refuses one byte more, %s", async (_label, withLength) => {
    const exact = JSON.stringify(completedLog);
    const limit = Buffer.byteLength(exact) + 10;
    const bodies = [exact.padEnd(limit, " "), exact.padEnd(limit + 1, " ")];
    const client = await servers.clientWith(
      (_q, res, i) => {
        res.writeHead(200, {
          "content-type": "application/json",
          ...(withLength ? { "content-length": limit + i } : {}),
        });
        res.end(bodies[i]);
      },
      { maxBodyBytes: limit },
    );
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ name: "ResponseTooLargeError", maxBodyBytes: limit });
  });
});

describe("an error keeps a small body whole and only the start of a large one, marked as cut", () => {
  const jsonOfSize = (bytes: number) => {
    const shell = JSON.stringify({ error: "" });
    return JSON.stringify({ error: "e".repeat(bytes - shell.length) });
  };

  it.each([
    ["a JSON 404 of exactly 64 KiB is kept parsed", MAX_KEPT_BODY_BYTES, "parsed"],
    ["a JSON 404 one byte over 64 KiB is cut", MAX_KEPT_BODY_BYTES + 1, "cut"],
    ["a JSON 404 of 1 MB is cut", 1_000_000, "cut"],
  ])("%s", async (_label, size, kept) => {
    const body = jsonOfSize(size);
    const client = await servers.clientWith((_q, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(body);
    });
    const error = (await thrownBy(() => client.getLog(VALID_ID))) as ApiError;
    expect(error.name).toBe("ApiError");
    if (kept === "parsed") expect(error.body).toEqual(JSON.parse(body));
    else expect(error.body).toEqual({ truncated: true, text: body.slice(0, 4096), bytes: size });
  });

  it("keeps a small but deeply nested JSON 404 as text, so the error still renders", async () => {
    const depth = 30_000;
    const body = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const client = await servers.clientWith((_q, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(body);
    });
    const error = (await thrownBy(() => client.getLog(VALID_ID))) as ApiError;
    expect(error.body).toEqual({ truncated: true, text: body.slice(0, 4096), bytes: 2 * depth });
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it("keeps a short non-JSON error body as its text", async () => {
    const client = await servers.clientWith(
      (_q, res) => {
        res.writeHead(502, { "content-type": "text/html" });
        res.end("<h1>Bad gateway</h1>");
      },
      { retries: 0 },
    );
    const error = (await thrownBy(() => client.getLog(VALID_ID))) as ApiError;
    expect(error.body).toBe("<h1>Bad gateway</h1>");
  });

  it("keeps only the start of a 2xx page over 64 KiB that breaks the spec", async () => {
    const page = pageOf(200, { self: "/api/video/logs", first: "/api/video/logs" });
    (page.data[199] as unknown as Record<string, unknown>).status = 42;
    const text = JSON.stringify(page);
    expect(text.length).toBeGreaterThan(MAX_KEPT_BODY_BYTES);
    const client = await servers.clientWith((_q, res) => sendJson(res, 200, page));
    const error = (await thrownBy(() => client.listLogs())) as ContractViolationError;
    expect(new Set(error.violations.map((v) => v.pointer))).toEqual(new Set(["/data/199/status"]));
    expect(error.body).toEqual({ truncated: true, text: text.slice(0, 4096), bytes: Buffer.byteLength(text) });
  });

  it("keeps only the start of a long 2xx body that is not JSON", async () => {
    const client = await servers.clientWith((_q, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html>${"m".repeat(10_000)}</html>`);
    });
    const error = (await thrownBy(() => client.getLog(VALID_ID))) as ContractViolationError;
    expect(error.violations).toMatchObject([{ keyword: "json" }]);
    expect(error.body).toMatchObject({ truncated: true, bytes: 10_013 });
  });
});

describe("timeoutMs bounds each attempt, headers and whole body", () => {
  const TIMEOUT = 400;
  const SLACK = 1000;

  it.each([
    ["headers never come", (res: import("node:http").ServerResponse) => void res],
    [
      "the body drips one byte every 20 ms forever",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        drip(res, " ", 20);
      },
    ],
    [
      "a 500 MB body arrives, without a length, at 3 MB/s under a 256 MiB limit",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        drip(res, Buffer.alloc(32 * 1024, " "), 10);
      },
    ],
    [
      "the body stops half-way",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": 5000 });
        res.write('{"id":');
      },
    ],
  ])("ends in a TimeoutError within about timeoutMs when %s", async (_label, answer) => {
    const client = await servers.clientWith((_q, res) => answer(res), {
      timeoutMs: TIMEOUT,
      retries: 0,
      maxBodyBytes: 256 * MB,
    });
    const started = performance.now();
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ name: "TimeoutError", timeoutMs: TIMEOUT });
    expect(performance.now() - started).toBeLessThan(TIMEOUT + SLACK);
  });

  it("gives each retry its own deadline, so the whole call stays bounded", async () => {
    const client = await servers.clientWith((_q, res) => drip(res.writeHead(200), " ", 20), {
      timeoutMs: TIMEOUT,
      retries: 1,
    });
    const started = performance.now();
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(2 * TIMEOUT + SLACK);
    expect(servers.server.requests).toHaveLength(2);
  });
});
