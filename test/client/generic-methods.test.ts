import { describe, expect, it } from "vitest";
import { createVideoLogsClient, isContractViolationError, isInvalidInputError } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const clientFor = (url: string, validation: "strict" | "tolerant" | "off" = "tolerant") =>
  createVideoLogsClient({ baseUrl: url, projectId: PROJECT_ID, apiToken: API_TOKEN, validation, retries: 0 });

describe("the generic methods keyed by operationId", () => {
  it("get sends an operation's path parameters to the path the spec gives it and returns the validated body", async () => {
    const page = pageOf(1, { self: "/", first: "/" });
    const log = page.data[0]!;
    const server = await servers.start((_req, res) => sendJson(res, 200, log));
    await expect(clientFor(server.url).get("get_log", { path: { id: log.id } })).resolves.toEqual(log);
    expect(server.requests.map((r) => r.url)).toEqual([`/api/video/logs/${log.id}`]);
  });

  it("iterate reads every page of a list operation through the same walk as iterateLogs", async () => {
    const server = await servers.start((req, res) => {
      const second = req.url!.includes("page_token=p2");
      sendJson(
        res,
        200,
        pageOf(
          2,
          { self: req.url!, first: "/api/video/logs", ...(second ? {} : { next: "?page_token=p2" }) },
          second ? 2 : 0,
        ),
      );
    });
    const ids: string[] = [];
    for await (const log of clientFor(server.url).iterate("list_logs", { query: { page_size: 2 } })) ids.push(log.id);
    expect(new Set(ids).size).toBe(4);
    // A link relative to the page resolves against the page's URL.
    expect(server.requests.map((r) => r.url)).toEqual(["/api/video/logs?page_size=2", "/api/video/logs?page_token=p2"]);
  });

  it("refuses an operationId the spec does not declare, or a list call of an operation that is not a listing, before sending anything", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, {}));
    const client = clientFor(server.url);
    const unknown = await client.get("no_such_operation" as "get_log").catch((error: unknown) => error);
    expect(isInvalidInputError(unknown) && unknown.field).toBe("operationId");
    const notAList = await client.list("get_log" as "list_logs").catch((error: unknown) => error);
    expect(isInvalidInputError(notAList) && notAList.message).toMatch(/not a list operation/);
    const missingId = await client.get("get_log", { path: {} as { id: string } }).catch((error: unknown) => error);
    expect(isInvalidInputError(missingId) && missingId.field).toBe("id");
    expect(server.requests).toEqual([]);
  });

  it("takes a validation mode per call instead of the client's", async () => {
    const extra = { ...pageOf(1, { self: "/", first: "/" }), unexpected: true };
    const server = await servers.start((_req, res) => sendJson(res, 200, extra));
    const client = clientFor(server.url, "tolerant");
    await expect(client.listLogs()).resolves.toEqual(extra);
    const strict = await client.listLogs({}, { validation: "strict" }).catch((error: unknown) => error);
    expect(isContractViolationError(strict) && strict.violations.map((v) => [v.kind, v.pointer])).toEqual([
      ["additive", "/unexpected"],
    ]);
  });

  it("sends extra headers per call, but never lets a call set the credentials", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, pageOf(0, { self: "/", first: "/" })));
    const client = clientFor(server.url);
    await client.listLogs({}, { headers: { Prefer: "code=200" } });
    expect(server.requests[0]!.headers.prefer).toBe("code=200");
    const refused = await client
      .listLogs({}, { headers: { Authorization: "Basic eDp5" } })
      .catch((error: unknown) => error);
    expect(isInvalidInputError(refused) && refused.field).toBe("options.headers");
    const badValue = await client.listLogs({}, { headers: { "x-a": "one\r\ntwo" } }).catch((error: unknown) => error);
    expect(isInvalidInputError(badValue) && badValue.field).toBe("options.headers");
    expect(server.requests).toHaveLength(1);
  });

  it("exchange hands back any status unjudged, with the parsed body or why it is not JSON", async () => {
    const server = await servers.start((req, res) => {
      if (req.url!.includes("page_size=1")) return sendJson(res, 404, { error: "Not Found" });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("not json");
    });
    const client = clientFor(server.url);
    const missing = await client.exchange("list_logs", { query: { page_size: 1 } });
    expect([missing.response.status, missing.parsed]).toEqual([
      404,
      { ok: true, body: { error: "Not Found" }, text: '{"error":"Not Found"}' },
    ]);
    const text = await client.exchange("list_logs");
    expect(text.parsed.ok === false && text.parsed.violation.keyword).toBe("json");
  });
});
