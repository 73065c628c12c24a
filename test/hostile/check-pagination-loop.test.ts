// The drift check follows links.next like iterateLogs: a link back to a page already read is a finding, not a re-read.
import { describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS } from "../../src/check/plan-probes.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { reportFailed } from "../../src/report/report-types.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();

/** A listing whose links.next is `next(query, origin)`; each page has its own log so no other drift shows. */
async function checkPages(next: (query: URLSearchParams, origin: string) => string | undefined, pages = 5) {
  const server = await servers.start((req, res, index) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    if (url.pathname !== "/api/video/logs") return sendJson(res, 404, { error: "Not Found" });
    const link = next(url.searchParams, server.origin);
    sendJson(res, 200, pageOf(1, { self: req.url!, first: "/api/video/logs", ...(link ? { next: link } : {}) }, index));
  });
  const client = createVideoLogsClient({
    baseUrl: server.url,
    projectId: PROJECT_ID,
    apiToken: API_TOKEN,
    validation: "off",
    retries: 0,
  });
  const report = await runDriftCheck({
    client,
    target: { baseUrl: server.url, kind: "base-url" },
    pages,
    sample: 0,
    checks: [...CONFORMANCE_CHECKS, "pagination-integrity"],
  });
  // The two unfiltered listings, read under the tour's pin, shown without the pin and the page size they all share.
  const pin = new URL(server.requests[0]!.url, server.origin).searchParams.get("created_before");
  const bare = (text: string) => text.replace(/[&,] ?created_before=[^&,)]+/, "").replace(/[&,] ?page_size=5/, "");
  const listRequests = server.requests
    .map((r) => r.url)
    .filter(
      (url) =>
        url.startsWith("/api/video/logs?") &&
        new URL(url, server.origin).searchParams.get("created_before") === pin &&
        !/created_(after|on)=/.test(url),
    )
    .map(bare);
  const unfiltered = report.exchanges.filter((c) => c.kind === "page");
  const loops = unfiltered.filter((c) => c.violations.some((v) => v.keyword === "pagination")).map((c) => bare(c.name));
  const otherViolations = report.exchanges.flatMap((c) => c.violations.filter((v) => v.keyword !== "pagination"));
  return { report, listRequests, loops, otherViolations };
}

/** The query of the page asked for, but its page token: a link with it leads to the same page. */
const deleted = (q: URLSearchParams) => {
  const same = new URLSearchParams(q);
  same.delete("page_token");
  return same.toString();
};
const token = (q: URLSearchParams) => q.get("page_token") ?? "";

describe("the drift check following a pagination loop", () => {
  it.each([
    [
      "an absolute link to the same page",
      (q: URLSearchParams, origin: string) => `${origin}/api/video/logs?${deleted(q)}`,
    ],
    ["a relative link to the same page", (q: URLSearchParams) => `/api/video/logs?${deleted(q)}`],
    ["a link to the same page spelled with empty pairs", (q: URLSearchParams) => `/api/video/logs?&${deleted(q)}&&`],
  ])("flags %s after reading it once, and exits with drift", async (_name, next) => {
    const { report, listRequests, loops, otherViolations } = await checkPages(next);
    expect(listRequests).toEqual(["/api/video/logs?include_deleted=false", "/api/video/logs?include_deleted=true"]);
    expect(loops).toEqual(["list_logs page 1 (include_deleted=false)", "list_logs page 1 (include_deleted=true)"]);
    expect(report.exchanges[0]!.violations).toMatchObject([
      { pointer: "/links/next", kind: "breaking", keyword: "pagination" },
    ]);
    expect(report.exchanges[0]!.passed).toBe(false);
    expect(otherViolations).toEqual([]);
    expect(reportFailed(report)).toBe(true);
  });

  it.each([
    [
      "a cycle of two back to the first page",
      (q: URLSearchParams) =>
        token(q) === "" ? `/api/video/logs?page_token=2&${deleted(q)}` : `/api/video/logs?${deleted(q)}`,
      2,
    ],
    [
      "a cycle of three back to the first page",
      (q: URLSearchParams) =>
        `/api/video/logs?${deleted(q)}${{ "": "&page_token=2", "2": "&page_token=3", "3": "" }[token(q)]}`,
      3,
    ],
    [
      "a cycle back to the second page",
      (q: URLSearchParams) =>
        `/api/video/logs?${deleted(q)}&page_token=${token(q) === "3" ? "2" : Number(token(q) || 1) + 1}`,
      3,
    ],
    [
      "the same query with its parameters reordered",
      (q: URLSearchParams) =>
        token(q) ? `/api/video/logs?page_token=a&${deleted(q)}` : `/api/video/logs?${deleted(q)}&page_token=a`,
      2,
    ],
    [
      "the same query with %2f and %2F",
      (q: URLSearchParams) => `/api/video/logs?${deleted(q)}&page_token=${token(q) ? "a%2Fb" : "a%2fb"}`,
      2,
    ],
    [
      "the same query with + and %20",
      (q: URLSearchParams) => `/api/video/logs?${deleted(q)}&page_token=${token(q) ? "a%20b" : "a+b"}`,
      2,
    ],
  ])("flags %s on the page whose link closes it, each page read once", async (_name, next, pagesRead) => {
    const { listRequests, loops, otherViolations } = await checkPages(next, 6);
    expect(listRequests).toHaveLength(2 * pagesRead);
    expect(new Set(listRequests).size).toBe(listRequests.length);
    expect(loops).toEqual([
      `list_logs page ${pagesRead} (include_deleted=false)`,
      `list_logs page ${pagesRead} (include_deleted=true)`,
    ]);
    expect(otherViolations).toEqual([]);
  });

  it.each([
    [
      "distinct page tokens",
      (q: URLSearchParams) => `/api/video/logs?${deleted(q)}&page_token=${Number(token(q) || 0) + 1}`,
    ],
    [
      "tokens that differ only in case",
      (q: URLSearchParams) =>
        token(q) === "A" ? undefined : `/api/video/logs?${deleted(q)}&page_token=${token(q) ? "A" : "a"}`,
    ],
  ])("follows %s without a finding", async (_name, next) => {
    const { report, listRequests, loops } = await checkPages(next, 3);
    expect(loops).toEqual([]);
    expect(listRequests.length).toBeGreaterThanOrEqual(4);
    expect(reportFailed(report)).toBe(false);
  });
});
