import { describe, expect, it } from "vitest";
import { type Handler, sendJson } from "../helpers/local-server.ts";
import { completedLog, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const clientWith = servers.clientWith;

/** Pages whose next link is built by `next(n)` from the page number n. */
const pages =
  (next: (n: number) => string | undefined): Handler =>
  (req, res) => {
    const n = Number(new URL(req.url!, "http://x").searchParams.get("page_token") ?? 0);
    const link = next(n);
    sendJson(res, 200, pageOf(2, { self: req.url!, first: "/api/video/logs", ...(link ? { next: link } : {}) }, n * 2));
  };

describe("aborting", () => {
  it("sends nothing when the signal is already aborted", async () => {
    const client = await clientWith((_q, res) => sendJson(res, 200, completedLog));
    await expect(client.getLog(VALID_ID, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(servers.server.requests).toHaveLength(0);
  });

  it("stops iterateLogs at once when the signal aborts between logs", async () => {
    const client = await clientWith(pages((n) => `/api/video/logs?page_token=${n + 1}`));
    const controller = new AbortController();
    const seen: string[] = [];
    const iterate = async () => {
      for await (const log of client.iterateLogs({}, { signal: controller.signal })) {
        seen.push(log.id);
        if (seen.length === 3) controller.abort();
      }
    };
    await expect(iterate()).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(3);
    // Pages 0 and 1, and at most page 2, asked for ahead and aborted with the rest.
    expect(servers.server.requests.map((r) => r.url).slice(0, 2)).toEqual([
      "/api/video/logs",
      "/api/video/logs?page_token=1",
    ]);
    expect(servers.server.requests.length).toBeLessThanOrEqual(3);
  });
});

describe("bodies that fail half-way", () => {
  it("retries a body that stalls, within the per-attempt timeout", async () => {
    const client = await clientWith(
      (_q, res, i) => {
        if (i > 0) return sendJson(res, 200, completedLog);
        res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
        res.write('{"id":');
      },
      { timeoutMs: 1000, retries: 1 },
    );
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    expect(servers.server.requests).toHaveLength(2);
  });

  it("retries a body cut off by a reset connection", async () => {
    const client = await clientWith((req, res, i) => {
      if (i > 0) return sendJson(res, 200, completedLog);
      res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
      res.write('{"id":', () => req.socket.destroy());
    });
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    expect(servers.server.requests).toHaveLength(2);
  });
});

describe("pagination links that cannot be followed", () => {
  it("reports a links.next that is not a URL as a contract violation", async () => {
    const client = await clientWith(pages(() => "http://["));
    const iterate = async () => {
      for await (const _log of client.iterateLogs()) void _log;
    };
    await expect(iterate()).rejects.toMatchObject({
      name: "ContractViolationError",
      violations: [{ pointer: "/links/next", kind: "breaking" }],
    });
  });

  it("stops a cycle of two pages instead of looping forever", async () => {
    const client = await clientWith(pages((n) => `/api/video/logs?page_token=${n === 0 ? 1 : 0}`));
    const iterate = async () => {
      for await (const _log of client.iterateLogs()) void _log;
    };
    await expect(iterate()).rejects.toMatchObject({
      name: "ContractViolationError",
      violations: [{ keyword: "pagination" }],
    });
    expect(servers.server.requests.length).toBeLessThanOrEqual(3);
  });
});
