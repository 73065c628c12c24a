// Bad input from the caller: a clear InvalidInputError before anything is sent, never a TypeError later.
import { describe, expect, it } from "vitest";
import { createVideoLogsClient, type VideoLogsClient, type VideoLogsClientOptions } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { thrownBy } from "./hostile-helpers.ts";

const servers = serverPerTest();
const answer = () =>
  servers.start((req, res) =>
    req.url!.startsWith("/api/video/logs/")
      ? sendJson(res, 200, completedLog)
      : sendJson(res, 200, pageOf(1, { self: "/", first: "/" })),
  );

describe("bad option values are refused at construction time", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["projectId: 123", { projectId: 123 }, "projectId"],
    ["apiToken: 123", { apiToken: 123 }, "apiToken"],
    ["apiToken: an object", { apiToken: { toString: () => API_TOKEN } }, "apiToken"],
    ["a userAgent with CJK text", { userAgent: "日本語-agent" }, "userAgent"],
    ["a userAgent with U+0100", { userAgent: "agent\u0100" }, "userAgent"],
    ["a userAgent with an emoji", { userAgent: "agent 🚀" }, "userAgent"],
    ["a userAgent with a line break", { userAgent: "agent\r\nX-Evil: 1" }, "userAgent"],
    ["a userAgent with DEL", { userAgent: "agent\u007f" }, "userAgent"],
    ["a userAgent with NUL", { userAgent: "agent\u0000" }, "userAgent"],
    ["a userAgent that is a number", { userAgent: 7 }, "userAgent"],
    ["timeoutMs as a string", { timeoutMs: "1000" }, "timeoutMs"],
    ["timeoutMs NaN", { timeoutMs: Number.NaN }, "timeoutMs"],
    ["timeoutMs Infinity", { timeoutMs: Number.POSITIVE_INFINITY }, "timeoutMs"],
    ["retries 1.5", { retries: 1.5 }, "retries"],
    ["retryDelay null", { retryDelay: null }, "retryDelay"],
    ["maxBodyBytes 0", { maxBodyBytes: 0 }, "maxBodyBytes"],
    ["maxBodyBytes 1 GiB", { maxBodyBytes: 2 ** 30 }, "maxBodyBytes"],
    ["maxBodyBytes as a string", { maxBodyBytes: "32MB" }, "maxBodyBytes"],
    ["fetch that is not a function", { fetch: "fetch" }, "fetch"],
    ["validation as a number", { validation: 1 }, "validation"],
    ["env null", { env: null }, "env"],
    ["now that is not a function", { now: 0 }, "now"],
    ["sleep that is not a function", { sleep: 100 }, "sleep"],
    ["space as a number", { space: 42, baseUrl: undefined }, "space"],
    ["baseUrl as an object", { baseUrl: { href: "http://127.0.0.1" } }, "baseUrl"],
  ])("%s", async (_label, option, field) => {
    const server = await answer();
    const error = await thrownBy(() =>
      createVideoLogsClient({
        baseUrl: server.url,
        projectId: PROJECT_ID,
        apiToken: API_TOKEN,
        env: {},
        ...option,
      } as VideoLogsClientOptions),
    );
    expect(error).toMatchObject({ name: "InvalidInputError", field });
    expect(String((error as Error).message)).not.toContain(API_TOKEN);
    expect(server.requests).toHaveLength(0);
  });

  it.each([null, "example", 42, []])("options %j", (options) => {
    expect(() => createVideoLogsClient(options as never)).toThrow(
      expect.objectContaining({ name: "InvalidInputError", field: "options" }),
    );
  });

  it("accepts a Latin-1 userAgent and sends it", async () => {
    const server = await answer();
    const client = createVideoLogsClient({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      userAgent: "café-agent/1.0",
    });
    await client.getLog(VALID_ID);
    expect(Buffer.from(server.requests[0]!.headers["user-agent"]!, "latin1").toString("latin1")).toMatch(
      /^caf.-agent\/1\.0 signalwire-video-logs\//,
    );
  });
});

describe("bad call arguments are refused before anything is sent", () => {
  const calls: [string, (c: VideoLogsClient) => Promise<unknown>, string][] = [
    ["listLogs(null)", (c) => c.listLogs(null as never), "query"],
    ["listLogs('x')", (c) => c.listLogs("page_size=1" as never), "query"],
    ["listLogs([])", (c) => c.listLogs([] as never), "query"],
    ["listLogs({}, null)", (c) => c.listLogs({}, null as never), "options"],
    ["iterateLogs(null)", (c) => c.iterateLogs(null as never).next(), "query"],
    ["iterateLogs({}, 'x')", (c) => c.iterateLogs({}, "x" as never).next(), "options"],
    ["getLog(id, null)", (c) => c.getLog(VALID_ID, null as never), "options"],
    ["getLog(123)", (c) => c.getLog(123 as never), "id"],
    ["getLog(undefined)", (c) => c.getLog(undefined as never), "id"],
  ];
  it.each(calls)("%s", async (_label, call, field) => {
    const server = await answer();
    const client = createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN });
    await expect(call(client)).rejects.toMatchObject({ name: "InvalidInputError", field });
    expect(server.requests).toHaveLength(0);
  });
});

describe("getLog sends only 8-4-4-4-12 hexadecimal UUID text", () => {
  it.each([
    `urn:uuid:${VALID_ID}`,
    `URN:UUID:${VALID_ID}`,
    `{${VALID_ID}}`,
    `(${VALID_ID})`,
    ` ${VALID_ID}`,
    `${VALID_ID}\n`,
    VALID_ID.replace(/-/g, ""),
    `${VALID_ID.slice(0, -1)}g`,
    `${VALID_ID}0`,
    VALID_ID.replace(/-/g, "_"),
    `x${VALID_ID}`,
    "c22d24f6-5a47-4597-9a23-c7d01e696b9",
    "c22d24f65-a47-4597-9a23-c7d01e696b92",
    `${VALID_ID}%00`,
    `${VALID_ID}/..`,
    `\uff43${VALID_ID.slice(1)}`,
  ])("refuses %j", async (id) => {
    const server = await answer();
    const client = createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN });
    await expect(client.getLog(id)).rejects.toMatchObject({ name: "InvalidInputError", field: "id" });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    VALID_ID,
    VALID_ID.toUpperCase(),
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
  ])("accepts %s", async (id) => {
    const server = await answer();
    const client = createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN });
    await client.getLog(id);
    expect(server.requests.map((r) => r.url)).toEqual([`/api/video/logs/${id}`]);
  });
});
