// A server whose listing never ends: empty pages, each with a new links.next. The walk stops after a bounded number of
// them, in the client and in the drift check, and a long walk leaves no listener behind on the caller's signal.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { MAX_EMPTY_PAGES_IN_A_ROW } from "../../src/client/pagination-loop-guard.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { thrownBy } from "./hostile-helpers.ts";

const servers = serverPerTest();
const clientFor = (url: string) =>
  createVideoLogsClient({ baseUrl: url, projectId: PROJECT_ID, apiToken: API_TOKEN, retries: 0 });
const links = (index: number, next: boolean) => ({
  self: "/api/video/logs",
  first: "/api/video/logs",
  ...(next ? { next: `/api/video/logs?page_token=same&_=${index}` } : {}),
});

describe("a listing of empty pages whose links.next keeps changing", () => {
  it("ends iterateLogs with a pagination violation after the bounded number of empty pages", async () => {
    const server = await servers.start((_req, res, index) => sendJson(res, 200, pageOf(0, links(index, true))));
    const error = await thrownBy(async () => {
      for await (const _log of clientFor(server.url).iterateLogs()) void _log;
    });
    expect(error).toMatchObject({
      name: "ContractViolationError",
      violations: [{ keyword: "pagination", pointer: "/links/next" }],
    });
    expect((error as Error).message).toContain(`${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row`);
    expect(server.requests).toHaveLength(MAX_EMPTY_PAGES_IN_A_ROW);
  });

  it("follows fewer empty pages than the bound, and yields the logs after them", async () => {
    const server = await servers.start((_req, res, index) =>
      sendJson(
        res,
        200,
        index < MAX_EMPTY_PAGES_IN_A_ROW - 1 ? pageOf(0, links(index, true)) : pageOf(2, links(index, false)),
      ),
    );
    const ids: string[] = [];
    for await (const log of clientFor(server.url).iterateLogs()) ids.push(log.id);
    expect(ids).toHaveLength(2);
    expect(server.requests).toHaveLength(MAX_EMPTY_PAGES_IN_A_ROW);
  });

  it("counts only empty pages in a row: a page with logs starts the count again", async () => {
    const server = await servers.start((_req, res, index) =>
      sendJson(res, 200, index % 3 === 2 ? pageOf(1, links(index, index < 12), index) : pageOf(0, links(index, true))),
    );
    let count = 0;
    for await (const _log of clientFor(server.url).iterateLogs()) count++;
    expect(count).toBe(5);
  });

  it("is flagged by the drift check as a pagination violation of the page where the walk stops", async () => {
    const server = await servers.start((_req, res, index) => sendJson(res, 200, pageOf(0, links(index, true))));
    const client = createVideoLogsClient({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      retries: 0,
      validation: "off",
    });
    const report = await runDriftCheck({
      client,
      target: { baseUrl: server.url, kind: "base-url" },
      pages: 20,
      sample: 0,
    });
    const pages = report.exchanges.filter((c) => c.name.includes("include_deleted=false"));
    expect(pages).toHaveLength(MAX_EMPTY_PAGES_IN_A_ROW);
    expect(pages.at(-1)!.violations).toMatchObject([{ keyword: "pagination", kind: "breaking" }]);
    const flagged = report.exchanges.filter((c) => c.violations.some((v) => v.keyword === "pagination"));
    expect(flagged.map((c) => c.name)).toEqual([pages.at(-1)!.name, pages.at(-1)!.name.replace("false", "true")]);
  });

  it("adds no abort listener per page to the caller's signal", async () => {
    const server = await servers.start((_req, res, index) =>
      sendJson(res, 200, pageOf(1, links(index, index < 60), index)),
    );
    const controller = new AbortController();
    let most = 0;
    for await (const _log of clientFor(server.url).iterateLogs({}, { signal: controller.signal })) {
      most = Math.max(most, getEventListeners(controller.signal, "abort").length);
    }
    expect(server.requests).toHaveLength(61);
    expect(most).toBeLessThanOrEqual(1);
  });
});
