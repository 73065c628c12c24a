import { describe, expect, it } from "vitest";
import { createVideoLogsClient } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const clientFor = (url: string) => createVideoLogsClient({ baseUrl: url, projectId: PROJECT_ID, apiToken: API_TOKEN });

describe("pagination", () => {
  it("iterateLogs follows absolute and relative next links across several pages", async () => {
    const server = await servers.start((req, res) => {
      const token = new URL(req.url!, "http://x").searchParams.get("page_token");
      const self = req.url!;
      if (!token)
        return sendJson(
          res,
          200,
          pageOf(3, { self, first: self, next: `${server.url}/api/video/logs?page_token=p2&page_size=3` }, 0),
        );
      if (token === "p2")
        return sendJson(
          res,
          200,
          pageOf(3, { self, first: self, next: "/api/video/logs?page_token=p3&page_size=3" }, 3),
        );
      return sendJson(res, 200, pageOf(2, { self, first: self }, 6));
    });
    const ids: string[] = [];
    for await (const log of clientFor(server.url).iterateLogs({ page_size: 3, include_deleted: true }))
      ids.push(log.id);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/video/logs?page_size=3&include_deleted=true",
      "/api/video/logs?page_token=p2&page_size=3",
      "/api/video/logs?page_token=p3&page_size=3",
    ]);
  });

  it("listLogs returns one page and serialises the filters", async () => {
    const server = await servers.start((req, res) =>
      sendJson(res, 200, pageOf(1, { self: req.url!, first: req.url! })),
    );
    const page = await clientFor(server.url).listLogs({
      created_after: "2022-01-01",
      created_before: "2022-02-01T00:00:00Z",
      page_number: 2,
    });
    expect(page.data).toHaveLength(1);
    const query = new URL(server.requests[0]!.url, "http://x").searchParams;
    expect(Object.fromEntries(query)).toEqual({
      created_after: "2022-01-01",
      created_before: "2022-02-01T00:00:00Z",
      page_number: "2",
    });
  });

  it("stops instead of looping when next points at the page just fetched", async () => {
    const server = await servers.start((_req, res) =>
      sendJson(
        res,
        200,
        pageOf(1, {
          self: "/api/video/logs?page_token=a",
          first: "/api/video/logs",
          next: "/api/video/logs?page_token=a",
        }),
      ),
    );
    const iterate = async () => {
      for await (const _log of clientFor(server.url).iterateLogs()) void _log;
    };
    await expect(iterate()).rejects.toMatchObject({
      name: "ContractViolationError",
      violations: [{ keyword: "pagination" }],
    });
    expect(server.requests.length).toBe(2);
  });

  it("streams: pages are fetched only as the consumer asks for them", async () => {
    const server = await servers.start((req, res) => {
      const n = Number(new URL(req.url!, "http://x").searchParams.get("page_token") ?? 0);
      sendJson(
        res,
        200,
        pageOf(2, { self: req.url!, first: "/api/video/logs", next: `/api/video/logs?page_token=${n + 1}` }, n * 2),
      );
    });
    const iterator = clientFor(server.url).iterateLogs();
    await iterator.next();
    await iterator.next();
    expect(server.requests).toHaveLength(1);
    await iterator.next();
    expect(server.requests).toHaveLength(2);
    await iterator.return();
  });

  it("follows the API's unprefixed relative links behind a proxy with a path prefix, staying under the prefix", async () => {
    const server = await servers.start((req, res) => {
      const token = new URL(req.url!, "http://x").searchParams.get("page_token");
      const links = {
        self: req.url!,
        first: "/api/video/logs",
        ...(token ? {} : { next: "/api/video/logs?page_token=p2" }),
      };
      sendJson(res, 200, pageOf(2, links, token ? 2 : 0));
    });
    const ids: string[] = [];
    for await (const log of clientFor(`${server.url}/proxy`).iterateLogs()) ids.push(log.id);
    expect(ids).toHaveLength(4);
    expect(server.requests.map((r) => r.url)).toEqual(["/proxy/api/video/logs", "/proxy/api/video/logs?page_token=p2"]);
  });
});
