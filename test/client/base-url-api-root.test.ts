// A base URL given as the API root (`…/api`, as the spec's paths begin) sends each path once: never `/api/api/…`.
// Any other path stays a prefix (a proxy's).
import { describe, expect, it } from "vitest";
import { apiRoot } from "../../src/client/api-root.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const clientFor = (baseUrl: string) =>
  createVideoLogsClient({ baseUrl, projectId: PROJECT_ID, apiToken: API_TOKEN, retries: 0 });

describe("a base URL with a path", () => {
  it.each([
    ["/api", "/api/video/logs/ID"],
    ["/api/", "/api/video/logs/ID"],
    ["/api/video", "/api/video/logs/ID"],
    ["/proxy/api", "/proxy/api/video/logs/ID"],
    ["/proxy", "/proxy/api/video/logs/ID"],
    ["/video", "/video/api/video/logs/ID"],
    ["/api/video/logs", "/api/video/logs/api/video/logs/ID"],
    ["", "/api/video/logs/ID"],
  ])("%j requests %s", async (path, expected) => {
    const server = await servers.start((_req, res) => sendJson(res, 200, completedLog));
    const client = clientFor(`${server.url}${path}`);
    await expect(client.getLog(completedLog.id)).resolves.toEqual(completedLog);
    expect(server.requests.map((request) => request.url)).toEqual([expected.replace("ID", completedLog.id)]);
  });

  it("as the API root, is what client.baseUrl says, and a listing's links are followed under it", async () => {
    const server = await servers.start((req, res) => {
      const token = new URL(req.url!, "http://x").searchParams.get("page_token");
      const links = {
        self: req.url!,
        first: "/api/video/logs",
        ...(token ? {} : { next: "/api/video/logs?page_token=p2" }),
      };
      sendJson(res, 200, pageOf(1, links, token ? 1 : 0));
    });
    const client = clientFor(`${server.url}/api`);
    expect(client.baseUrl).toBe(server.url);
    const ids: string[] = [];
    for await (const log of client.iterateLogs()) ids.push(log.id);
    expect(ids).toHaveLength(2);
    expect(server.requests.map((request) => request.url)).toEqual(["/api/video/logs", "/api/video/logs?page_token=p2"]);
  });

  it("drops only the end it shares with every path of the spec, none of a parameter's segment", () => {
    const base = new URL("https://example.test/gateway/v2/things");
    expect(apiRoot(base, ["/v2/things/{id}", "/v2/things"])).toBe("https://example.test/gateway/v2/things");
    expect(apiRoot(base, ["/v2/things/{id}", "/v2/things/{id}/parts"])).toBe("https://example.test/gateway");
    expect(apiRoot(new URL("https://example.test/v2"), ["/{version}/things"])).toBe("https://example.test/v2");
    expect(apiRoot(new URL("https://example.test/a//api"), ["/api/x"])).toBe("https://example.test/a");
  });
});
