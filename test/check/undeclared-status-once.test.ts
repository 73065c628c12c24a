// An unexpected status the spec does not declare is one finding, not the expected-status one plus the validator's.
import { describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS } from "../../src/check/plan-probes.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();

async function checkAgainstTeapot(checks: readonly string[]) {
  const server = await servers.start((_req, res) => sendJson(res, 418, { error: "I'm a teapot" }));
  const client = createVideoLogsClient({
    baseUrl: server.url,
    projectId: PROJECT_ID,
    apiToken: API_TOKEN,
    validation: "off",
    retries: 0,
  });
  return runDriftCheck({
    client,
    target: { baseUrl: server.url, kind: "base-url" },
    pages: 1,
    checks: checks as never,
  });
}

const statusFindings = (violations: readonly { keyword: string }[]) => violations.filter((v) => v.keyword === "status");

describe("an unexpected status the spec does not declare", () => {
  it("is reported once on a listing page, as a status-code finding", async () => {
    const report = await checkAgainstTeapot(CONFORMANCE_CHECKS);
    const page = report.exchanges.find((c) => c.kind === "page")!;
    expect(page.status).toBe(418);
    expect(statusFindings(page.violations)).toMatchObject([{ check: "status-code", actual: "418" }]);
    // One occurrence per response, each of the listings' two responses an occurrence of one status-code finding.
    expect(report.exchanges.map((c) => c.violations.map((v) => v.check))).toEqual([
      ["status-code"],
      ["status-code"],
      ["status-code"],
    ]);
    const listing = report.findings.find((f) => f.operation === "list_logs")!;
    expect(listing).toEqual({
      fingerprint: fingerprintOf({
        check: "status-code",
        operation: "list_logs",
        status: 418,
        pointer: "",
        keyword: "status",
      }),
      check: "status-code",
      operation: "list_logs",
      status: 418,
      pointer: "",
      keyword: "status",
      severity: "breaking",
      count: 2,
      requests: [
        { requestId: null, exchange: 0 },
        { requestId: null, exchange: 1 },
      ],
      example: {
        message: "expected status 200, got 418; status 418 is not declared for list_logs",
        expected: "200",
        actual: "418",
        curl: page.curl,
        requestId: null,
      },
    });
    expect(report.findings.map((f) => [f.check, f.operation, f.count])).toEqual([
      ["status-code", "get_log", 1],
      ["status-code", "list_logs", 2],
    ]);
    expect(report.summary.breaking).toBe(2);
  });

  it("is reported once on every request of the tour, each under the check its request serves", async () => {
    const report = await checkAgainstTeapot([...CONFORMANCE_CHECKS, "negative-data", "authentication"]);
    expect(report.exchanges.length).toBeGreaterThan(3);
    for (const check of report.exchanges) {
      expect(check.status, check.name).toBe(418);
      expect(statusFindings(check.violations), check.name).toHaveLength(1);
    }
    expect(statusFindings(report.exchanges.find((c) => c.kind === "unknown-item")!.violations)).toMatchObject([
      { check: "negative-data" },
    ]);
  });

  it("is still reported for an unknown id when only status-code runs", async () => {
    const report = await checkAgainstTeapot(["status-code"]);
    const unknown = report.exchanges.find((c) => c.kind === "unknown-item")!;
    expect(statusFindings(unknown.violations)).toMatchObject([{ check: "status-code", actual: "418" }]);
  });
});
