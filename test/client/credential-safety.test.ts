import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createVideoLogsClient, isUnsafeRedirectError } from "../../src/index.ts";
import { type Handler, type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(handler: Handler, host?: string) {
  const server = await startLocalServer(handler, host);
  servers.push(server);
  return server;
}
const clientFor = (url: string, extra: object = {}) =>
  createVideoLogsClient({ baseUrl: url, projectId: PROJECT_ID, apiToken: API_TOKEN, retries: 0, ...extra });
const basic = Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64");

/** Every way an error can be shown to a person or a log. */
const renderings = (error: unknown) => [
  String(error),
  JSON.stringify(error),
  inspect(error, { depth: 10 }),
  (error as Error).stack ?? "",
];

describe("credentials stay with the API's origin", () => {
  it("follows a same-origin redirect with credentials", async () => {
    const server = await serve((req, res) => {
      if (req.url?.startsWith("/old/")) {
        res.writeHead(301, { location: `/api/video/logs/${VALID_ID}` });
        return res.end();
      }
      sendJson(res, 200, completedLog);
    });
    const client = clientFor(`${server.url}/old`);
    // The redirect leaves the /old prefix but stays on the origin.
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Basic ${basic}`, `Basic ${basic}`]);
  });

  it("refuses a redirect to another origin and never contacts it", async () => {
    const foreign = await serve((_req, res) => sendJson(res, 200, completedLog), "localhost");
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${foreign.url}/api/video/logs/${VALID_ID}` });
      res.end();
    });
    const error = await clientFor(server.url)
      .getLog(VALID_ID)
      .catch((e: unknown) => e);
    expect(isUnsafeRedirectError(error)).toBe(true);
    expect(foreign.requests).toHaveLength(0);
  });

  it("refuses a links.next on another origin", async () => {
    const foreign = await serve((_req, res) => sendJson(res, 200, pageOf(1, { self: "/x", first: "/x" })), "localhost");
    const server = await serve((_req, res) =>
      sendJson(
        res,
        200,
        pageOf(2, {
          self: "/api/video/logs",
          first: "/api/video/logs",
          next: `${foreign.url}/api/video/logs?page_token=2`,
        }),
      ),
    );
    const seen: string[] = [];
    const iterate = async () => {
      for await (const log of clientFor(server.url).iterateLogs()) seen.push(log.id);
    };
    await expect(iterate()).rejects.toMatchObject({ name: "UnsafeRedirectError" });
    expect(seen).toHaveLength(2);
    expect(foreign.requests).toHaveLength(0);
  });

  it("refuses a links.next to another path on the same origin", async () => {
    const server = await serve((_req, res) =>
      sendJson(
        res,
        200,
        pageOf(1, { self: "/api/video/logs", first: "/api/video/logs", next: "/api/admin/export?all=1" }),
      ),
    );
    const iterate = async () => {
      for await (const _log of clientFor(server.url).iterateLogs()) void _log;
    };
    await expect(iterate()).rejects.toMatchObject({ name: "UnsafeRedirectError" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("the API token never shows", () => {
  it("in any error's message, JSON, inspect output or stack", async () => {
    const server = await serve((req, res, index) => {
      if (index === 0) return sendJson(res, 404, { error: "Not Found" });
      if (index === 1) return sendJson(res, 200, { ...completedLog, charge: "1" });
      if (index === 2) {
        res.writeHead(302, { location: "https://elsewhere.example/steal" });
        return res.end();
      }
      req.socket.destroy();
    });
    const client = clientFor(server.url, { timeoutMs: 2000 });
    const errors = [];
    for (let i = 0; i < 4; i++) errors.push(await client.getLog(VALID_ID).catch((e: unknown) => e));
    errors.push(await client.getLog("not-a-uuid").catch((e: unknown) => e));
    expect(errors.map((e) => (e as Error).name)).toEqual([
      "ApiError",
      "ContractViolationError",
      "UnsafeRedirectError",
      "NetworkError",
      "InvalidInputError",
    ]);
    for (const error of errors) {
      for (const text of renderings(error)) {
        expect(text).not.toContain(API_TOKEN);
        expect(text).not.toContain(basic);
      }
    }
  });

  it("in the client object itself", () => {
    const client = clientFor("http://127.0.0.1:9");
    expect(inspect(client, { depth: 10 })).not.toContain(API_TOKEN);
    expect(JSON.stringify(client)).not.toContain(API_TOKEN);
  });

  it("in the error for a token with a line break", () => {
    let error: unknown;
    try {
      createVideoLogsClient({ baseUrl: "http://127.0.0.1:9", projectId: PROJECT_ID, apiToken: `${API_TOKEN}\n` });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "InvalidInputError", field: "apiToken" });
    for (const text of renderings(error)) expect(text).not.toContain(API_TOKEN);
  });
});
