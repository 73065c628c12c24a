import { describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS } from "../../src/check/plan-probes.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { type Handler, sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();

async function checkAgainst(handler: Handler) {
  const server = await servers.start(handler);
  const client = createVideoLogsClient({
    baseUrl: server.url,
    projectId: PROJECT_ID,
    apiToken: API_TOKEN,
    validation: "off",
    retries: 0,
  });
  // The conformance checks only: these servers answer every listing alike, whatever its parameters.
  return runDriftCheck({
    client,
    target: { baseUrl: server.url, kind: "base-url" },
    pages: 2,
    checks: CONFORMANCE_CHECKS,
  });
}

const listingWith = (links: Record<string, string>, data: unknown[] = [completedLog]) => ({
  links: { self: "/api/video/logs", first: "/api/video/logs", ...links },
  data,
});

describe("the drift check facing odd answers", () => {
  it.each([
    ["with a Content-Length", true],
    ["chunked", false],
  ])(
    "reports a 2xx HTML body sent %s as a breaking json violation and a content-type finding",
    async (_label, withLength) => {
      const report = await checkAgainst((_req, res) => {
        const html = "<html>maintenance</html>";
        res.writeHead(200, {
          "content-type": "text/html",
          ...(withLength ? { "content-length": Buffer.byteLength(html) } : {}),
        });
        res.end(html);
      });
      const listing = report.exchanges[0]!;
      expect(listing.status).toBe(200);
      expect(listing.violations).toMatchObject([
        { check: "response-schema", keyword: "json", kind: "breaking", pointer: "" },
        { check: "content-type", keyword: "content-type", kind: "breaking", actual: "text/html" },
      ]);
      expect(report.summary.errors).toBe(0);
    },
  );

  it("reports a links.next that is not a URL on its page and reads no further", async () => {
    const report = await checkAgainst((req, res) =>
      req.url!.startsWith("/api/video/logs?") || req.url === "/api/video/logs"
        ? sendJson(res, 200, listingWith({ next: "http://[" }))
        : sendJson(res, 404, { error: "Not Found" }),
    );
    const listings = report.exchanges.filter((c) => c.name.startsWith("list_logs page"));
    expect(listings.map((c) => c.name)).toEqual([
      expect.stringMatching(/^list_logs page 1 \(include_deleted=false, created_before=\S+Z, page_size=5\)$/),
      expect.stringMatching(/^list_logs page 1 \(include_deleted=true, created_before=\S+Z, page_size=5\)$/),
    ]);
    expect(listings[0]!.violations).toMatchObject([{ pointer: "/links/next", kind: "breaking" }]);
    expect(listings[0]!.passed).toBe(false);
  });

  it("fetches only ids that are UUIDs, leaving the others to the listing's violations", async () => {
    const report = await checkAgainst((req, res) =>
      req.url!.startsWith("/api/video/logs?")
        ? sendJson(res, 200, listingWith({}, [{ ...completedLog, id: ".." }, completedLog]))
        : sendJson(res, 404, { error: "Not Found" }),
    );
    expect(
      report.exchanges.filter((c) => c.name.startsWith("get_log ") && !c.name.includes("unknown")).map((c) => c.name),
    ).toEqual([`get_log ${completedLog.id}`]);
    expect(servers.server.requests.some((r) => r.url === "/api/video/" || r.url.includes(".."))).toBe(false);
    expect(report.exchanges[0]!.violations).toMatchObject([{ pointer: "/data/0/id", kind: "breaking" }]);
  });

  it("quotes a number beyond double range as the server wrote it", async () => {
    const report = await checkAgainst((req, res) => {
      if (!req.url!.startsWith("/api/video/logs?")) return sendJson(res, 404, { error: "Not Found" });
      const text = JSON.stringify(listingWith({})).replace(`"charge":${completedLog.charge}`, '"charge":1e400');
      res.writeHead(200, { "content-type": "application/json" });
      res.end(text);
    });
    expect(report.exchanges[0]!.violations).toMatchObject([
      { pointer: "/data/0/charge", kind: "breaking", message: "expected a finite number, got 1e400" },
    ]);
  });
});
