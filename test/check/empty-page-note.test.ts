// An empty page that still links to a next page is a note of pagination-integrity, not drift.
import { describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS } from "../../src/check/plan-probes.ts";
import { createVideoLogsClient, reportFailed, runDriftCheck } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();

describe("an empty page with a next link", () => {
  it("is noted on its page and the walk goes on to the next one", async () => {
    const server = await servers.start((req, res) => {
      const url = new URL(req.url!, "http://127.0.0.1");
      if (url.pathname !== "/api/video/logs") return sendJson(res, 404, { error: "Not Found" });
      const links = { self: req.url!, first: req.url! };
      if (url.searchParams.get("page_token") === "2") return sendJson(res, 200, pageOf(1, links));
      url.searchParams.set("page_token", "2");
      return sendJson(res, 200, { links: { ...links, next: `/api/video/logs?${url.searchParams}` }, data: [] });
    });
    const client = createVideoLogsClient({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      retries: 0,
    });
    const report = await runDriftCheck({
      client,
      target: { baseUrl: server.url, kind: "base-url" },
      sample: 0,
      checks: [...CONFORMANCE_CHECKS, "pagination-integrity"],
    });
    const pages = report.exchanges.filter((c) => c.kind === "page");
    expect(pages.map((c) => [c.name.slice(0, 16), c.notes ?? []])).toEqual([
      ["list_logs page 1", ["pagination-integrity: an empty page still links to a next page"]],
      ["list_logs page 2", []],
      ["list_logs page 1", ["pagination-integrity: an empty page still links to a next page"]],
      ["list_logs page 2", []],
    ]);
    expect(report.exchanges.flatMap((c) => c.violations)).toEqual([]);
    expect(reportFailed(report)).toBe(false);
  });
});
