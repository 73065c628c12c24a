import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractViolationError, createVideoLogsClient } from "../../src/index.ts";
import { type Handler, type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

// One server answering by id: an additive drift, a breaking drift, and a clean log.
const ADDITIVE = "11111111-1111-4111-8111-111111111111";
const BREAKING = "22222222-2222-4222-8222-222222222222";
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url?.endsWith(ADDITIVE)) return sendJson(res, 200, { ...completedLog, recording_url: "https://x" });
    if (req.url?.endsWith(BREAKING)) return sendJson(res, 200, { ...completedLog, charge: "0.01" });
    return sendJson(res, 200, completedLog);
  });
});
afterAll(() => server.close());

const client = (validation: "strict" | "tolerant" | "off") =>
  createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN, validation });

describe("validation modes", () => {
  it("tolerant is the default and lets an unknown property through", async () => {
    const tolerant = createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN });
    await expect(tolerant.getLog(ADDITIVE)).resolves.toMatchObject({ recording_url: "https://x" });
  });

  it("tolerant throws on a breaking difference", async () => {
    await expect(client("tolerant").getLog(BREAKING)).rejects.toMatchObject({
      name: "ContractViolationError",
      violations: [{ pointer: "/charge", kind: "breaking" }],
      body: { charge: "0.01" },
    });
  });

  it("strict throws on an unknown property too", async () => {
    const error = await client("strict")
      .getLog(ADDITIVE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).violations).toMatchObject([
      { pointer: "/recording_url", kind: "additive" },
    ]);
    expect((error as ContractViolationError).message).toContain("/recording_url");
  });

  it("off returns whatever the server sent", async () => {
    await expect(client("off").getLog(BREAKING)).resolves.toMatchObject({ charge: "0.01" });
  });

  it("strict accepts a body that matches the spec", async () => {
    await expect(client("strict").getLog(VALID_ID)).resolves.toEqual(completedLog);
  });
});

describe("validation off skips the schema, not the body's nature", () => {
  const perTest = serverPerTest();
  const sendText = (text: string) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };
  const offClient = (handler: Handler) => perTest.clientWith(handler, { validation: "off", retries: 0 });

  it.each(["strict", "tolerant", "off"] as const)(
    "a 2xx body that is not JSON is a contract violation in %s mode",
    async (validation) => {
      const client = await perTest.clientWith(sendText("<html>maintenance</html>"), { validation, retries: 0 });
      const error = await client.getLog(VALID_ID).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContractViolationError);
      expect(error).toMatchObject({ status: 200, violations: [{ pointer: "", keyword: "json", kind: "breaking" }] });
    },
  );

  it("an empty 2xx body is a contract violation with validation off", async () => {
    const client = await offClient(sendText(""));
    await expect(client.listLogs()).rejects.toMatchObject({
      name: "ContractViolationError",
      violations: [{ message: "the body is empty, expected JSON" }],
    });
  });

  it("iterateLogs with validation off refuses a page without a data array instead of throwing a TypeError", async () => {
    const client = await offClient((_req, res) => sendJson(res, 200, {}));
    const error = await (async () => {
      for await (const _log of client.iterateLogs()) void _log;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toMatchObject({
      violations: [
        { pointer: "/data", kind: "breaking", message: "expected an array to iterate the pages, got nothing" },
      ],
    });
  });

  it("iterateLogs with validation off refuses a page whose next link is not a string, before yielding any of its logs", async () => {
    const client = await offClient((_req, res) => sendJson(res, 200, { data: [completedLog], links: { next: 7 } }));
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const log of client.iterateLogs()) seen.push(log);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([]);
    expect(error).toMatchObject({
      name: "ContractViolationError",
      violations: [{ pointer: "/links/next", actual: "7" }],
    });
  });

  it("iterateLogs with validation off reads a page without links as the last page", async () => {
    const client = await offClient((_req, res) => sendJson(res, 200, { data: [completedLog, { anything: true }] }));
    const seen: unknown[] = [];
    for await (const log of client.iterateLogs()) seen.push(log);
    expect(seen).toEqual([completedLog, { anything: true }]);
    expect(perTest.server.requests).toHaveLength(1);
  });
});

describe("hostile shapes give a typed violation, never a RangeError or TypeError", () => {
  const perTest = serverPerTest();
  const sendText = (text: string) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };
  const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

  it.each([4_096, 100_000])(
    "a body nested %i levels deep is a contract violation of get_log and of list_logs",
    async (depth) => {
      const client = await perTest.clientWith(sendText(nested(depth)), { validation: "tolerant", retries: 0 });
      for (const call of [() => client.getLog(VALID_ID), () => client.listLogs()]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ContractViolationError);
        expect((error as ContractViolationError).violations).toMatchObject([
          { pointer: "", message: "expected object, got array" },
        ]);
        expect((error as ContractViolationError).message.length).toBeLessThan(200);
      }
    },
  );

  it("a body nested deep inside a log property is blamed on that property", async () => {
    const text = JSON.stringify({ ...completedLog, room_name: "__DEEP__" }).replace('"__DEEP__"', nested(50_000));
    const client = await perTest.clientWith(sendText(text), { validation: "strict", retries: 0 });
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({
      violations: [
        {
          pointer: "/room_name",
          message: "expected string or null, got array",
          actual: expect.stringMatching(/^\[\[\[.*…$/),
        },
      ],
    });
  });

  it("a deep body with validation off iterates into a contract violation, not a TypeError", async () => {
    const client = await perTest.clientWith(sendText(nested(4_096)), { validation: "off", retries: 0 });
    await expect(client.iterateLogs().next()).rejects.toMatchObject({
      name: "ContractViolationError",
      violations: [{ pointer: "" }],
    });
  });

  it("a number beyond double range reads as the server wrote it", async () => {
    const text = JSON.stringify(completedLog).replace(/"charge":0\.01,/, '"charge":1e400,');
    expect(text).toContain("1e400");
    const client = await perTest.clientWith(sendText(text), { validation: "tolerant", retries: 0 });
    const error = (await client.getLog(VALID_ID).catch((e: unknown) => e)) as ContractViolationError;
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error.violations).toEqual([
      {
        pointer: "/charge",
        kind: "breaking",
        keyword: "type",
        message: "expected a finite number, got 1e400",
        expected: "number",
        actual: "1e400",
      },
    ]);
  });
});
