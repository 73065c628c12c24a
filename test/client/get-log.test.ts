import { describe, expect, it } from "vitest";
import {
  type ApiError,
  createVideoLogsClient,
  isApiError,
  isContractViolationError,
  VERSION,
} from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, deletedLog, PROJECT_ID, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();

const clientFor = (url: string, extra = {}) =>
  createVideoLogsClient({ baseUrl: url, projectId: PROJECT_ID, apiToken: API_TOKEN, retries: 0, ...extra });

describe("getLog", () => {
  it("returns the log and sends Basic auth, JSON accept and our User-Agent", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, completedLog));
    const log = await clientFor(server.url).getLog(VALID_ID);
    expect(log).toEqual(completedLog);
    const [request] = server.requests;
    expect(request?.url).toBe(`/api/video/logs/${VALID_ID}`);
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`,
    );
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["user-agent"]).toBe(`signalwire-video-logs/${VERSION}`);
  });

  it("puts a custom userAgent in front of its own", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, completedLog));
    await clientFor(server.url, { userAgent: "drift-bot/2" }).getLog(VALID_ID);
    expect(server.requests[0]?.headers["user-agent"]).toBe(`drift-bot/2 signalwire-video-logs/${VERSION}`);
  });

  it("returns a deleted log in its discarded form", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, deletedLog));
    expect(await clientFor(server.url).getLog(deletedLog.id)).toEqual(deletedLog);
  });

  it("keeps a base URL's path prefix, for proxies", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, completedLog));
    await clientFor(`${server.url}/proxy/signalwire/`).getLog(VALID_ID);
    expect(server.requests[0]?.url).toBe(`/proxy/signalwire/api/video/logs/${VALID_ID}`);
  });

  it("throws an ApiError with status, typed body, request id, method and URL on a 404", async () => {
    const server = await servers.start((_req, res) =>
      sendJson(res, 404, { error: "Not Found" }, { "x-request-id": "req-123" }),
    );
    const error = (await clientFor(server.url)
      .getLog(VALID_ID)
      .catch((e: unknown) => e)) as ApiError;
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      body: { error: "Not Found" },
      requestId: "req-123",
      method: "GET",
      url: `${server.url}/api/video/logs/${VALID_ID}`,
    });
    expect(error.message).toBe(`404 Not Found: GET ${server.url}/api/video/logs/${VALID_ID}`);
  });

  it("keeps the start of a long non-JSON error body as text marked as cut", async () => {
    const server = await servers.start((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`<html>${"x".repeat(20_000)}</html>`);
    });
    const error = (await clientFor(server.url)
      .getLog(VALID_ID)
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.body).toEqual({ truncated: true, text: `<html>${"x".repeat(4090)}`, bytes: 20_013 });
  });

  it("throws a ContractViolationError for a 2xx body that is not JSON", async () => {
    const server = await servers.start((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id": "c22d24f6-5a47-4597-9a23-c7d01e696b92", "source": "realt');
    });
    const error = await clientFor(server.url)
      .getLog(VALID_ID)
      .catch((e: unknown) => e);
    expect(isContractViolationError(error)).toBe(true);
    expect(error).toMatchObject({
      operation: "get_log",
      status: 200,
      violations: [{ keyword: "json", kind: "breaking" }],
    });
    expect(isApiError(error)).toBe(false);
  });

  it("throws a ContractViolationError for an empty 2xx body", async () => {
    const server = await servers.start((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "0" });
      res.end();
    });
    const error = await clientFor(server.url)
      .getLog(VALID_ID)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ContractViolationError",
      violations: [{ message: "the body is empty, expected JSON" }],
    });
  });

  it("lets the raw client read the body in any form openapi-fetch offers", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, completedLog));
    const client = clientFor(server.url);
    const get = (parseAs: "json" | "text" | "arrayBuffer" | "blob" | "stream") =>
      client.raw.GET("/api/video/logs/{id}", { params: { path: { id: VALID_ID } }, parseAs });
    expect((await get("json")).data).toEqual(completedLog);
    expect(JSON.parse((await get("text")).data as string)).toEqual(completedLog);
    expect(JSON.parse(new TextDecoder().decode((await get("arrayBuffer")).data as ArrayBuffer))).toEqual(completedLog);
    expect(JSON.parse(await ((await get("blob")).data as Blob).text())).toEqual(completedLog);
    const stream = (await get("stream")).data as ReadableStream<Uint8Array>;
    expect(JSON.parse(await new Response(stream).text())).toEqual(completedLog);
  });
});
