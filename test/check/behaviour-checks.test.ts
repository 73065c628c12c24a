// The drift check's named checks through the library API (the package's entry point) against the stand-in space:
// faithful, then one fault each.
import { afterEach, describe, expect, it } from "vitest";
import { WRONG_API_TOKEN } from "../../src/check/wrong-credentials.ts";
import {
  CHECKS,
  createVideoLogsClient,
  type DriftCheckOptions,
  type DriftReport,
  reportFailed,
  runDriftCheck,
} from "../../src/index.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { FAULTS, type Fault, type StandInOptions, standInLogs, startStandInSpace } from "../helpers/stand-in-space.ts";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function check(space: StandInOptions, options: Partial<DriftCheckOptions> = {}): Promise<DriftReport> {
  server = await startStandInSpace(space);
  const client = (apiToken: string) =>
    createVideoLogsClient({ baseUrl: server!.url, projectId: PROJECT_ID, apiToken, retries: 0 });
  return runDriftCheck({
    client: client(API_TOKEN),
    wrongCredentialsClient: client(WRONG_API_TOKEN),
    target: { baseUrl: server.url, kind: "base-url" },
    ...options,
  });
}

const findings = (report: DriftReport) => report.exchanges.flatMap((c) => c.violations);
const failingChecks = (report: DriftReport) => [...new Set(findings(report).map((f) => f.check))].sort();

describe("the drift check against the stand-in space", () => {
  it("passes the faithful space with no finding, every check run, within 60 requests", async () => {
    const report = await check({});
    expect(findings(report)).toEqual([]);
    expect(reportFailed(report)).toBe(false);
    expect(report.checksRun).toEqual(CHECKS.map((c) => c.name));
    expect(report.summary.errors).toBe(0);
    expect(report.summary.requests).toBeLessThanOrEqual(60);
    expect(report.summary.requests).toBe(server!.requests.length);
    // Every kind of request was sent: listings, filtered listings, items, negative data, credentials.
    expect(new Set(report.exchanges.map((c) => c.kind))).toEqual(
      new Set([
        "page",
        "filtered-page",
        "sampled-item",
        "unknown-item",
        "malformed-id",
        "invalid-parameter",
        "unknown-parameter",
        "no-credentials",
        "wrong-credentials",
      ]),
    );
    // Listings read at least two pages, each pinned with created_before at the tour's start.
    const pages = report.exchanges.filter((c) => c.kind === "page");
    expect(pages.filter((c) => c.name.includes("page 2")).length).toBeGreaterThan(0);
    expect(pages.every((c) => new URL(c.url).searchParams.has("created_before") || c.name.includes("page "))).toBe(
      true,
    );
    const firstUrls = server!.requests
      .filter((r) => r.url.startsWith("/api/video/logs?") && !r.url.includes("page_token"))
      .map((r) => r.url);
    expect(
      firstUrls.filter((u) => /include_deleted=(true|false)/.test(u)).every((u) => u.includes("created_before=")),
    ).toBe(true);
    // An in-progress log (its charge grows with every read) was got by id: only its stable fields were compared.
    const inProgress = standInLogs().find((log) => log.status === "in-progress")!;
    expect(
      report.exchanges.some((c) => c.kind === "sampled-item" && c.name === `get_log ${String(inProgress.id)}`),
    ).toBe(true);
    // The unknown parameter is a note, not a finding.
    expect(report.exchanges.find((c) => c.kind === "unknown-parameter")?.notes?.[0]).toMatch(
      /^negative-data: the unknown query parameter .* was accepted \(200\)/,
    );
    console.log(`default tour against a faithful space of 60 logs: ${report.summary.requests} requests`);
  });

  it.each(Object.entries(FAULTS) as [Fault, string][])(
    "flags the fault %s by the check %s only",
    async (fault, name) => {
      const report = await check({ faults: [fault] });
      expect(reportFailed(report)).toBe(true);
      expect(failingChecks(report)).toEqual([name]);
      // Every finding says what was sent (the curl line) and what came back.
      for (const c of report.exchanges.filter((c) => c.violations.length)) {
        expect(c.curl).toMatch(/^curl /);
        expect(c.status).not.toBeNull();
      }
    },
  );

  it("flags a listing that ignores created_after on its first page as parameters-honoured", async () => {
    const report = await check({ faults: ["ignore-created-after"] });
    const flagged = report.exchanges.filter((c) => c.violations.length > 0);
    expect(flagged[0]!.kind).toBe("filtered-page");
    expect(flagged[0]!.url).toContain("created_after=");
    expect(flagged[0]!.violations[0]).toMatchObject({
      check: "parameters-honoured",
      keyword: "filter",
      kind: "breaking",
    });
  });

  it("honours a 429 with Retry-After, counting the retried request, and reports no finding", async () => {
    // A clock that moves only by the waits: every request that waits, waits until the Retry-After has passed.
    let clock = 1_000_000;
    const wakeUps: number[] = [];
    const sleep = async (ms: number) => {
      wakeUps.push(clock + ms);
      clock = Math.max(clock, clock + ms);
    };
    const report = await check({ rateLimitFirstWith: 2 }, { now: () => clock, sleep });
    expect(wakeUps.length).toBeGreaterThan(0);
    expect(new Set(wakeUps)).toEqual(new Set([1_002_000]));
    expect(findings(report)).toEqual([]);
    expect(report.summary.requests).toBe(server!.requests.length);
    expect(report.summary.requests).toBe(report.exchanges.length + 1);
  });

  it("does not retry a 5xx: the failing request is sent once", async () => {
    const report = await check({ faults: ["500-on-a-filter"] });
    const failed = report.exchanges.filter((c) => c.status === 500);
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) expect(server!.requests.filter((r) => c.url.endsWith(r.url)).length).toBe(1);
  });

  it("stays within the request budget and says what it left out", async () => {
    const report = await check({}, { maxRequests: 10 });
    expect(server!.requests.length).toBe(10);
    expect(report.summary.requests).toBe(10);
    expect(report.notes.join("\n")).toMatch(/request budget of 10 was spent/);
  });

  it("spaces requests by --rate on the injected clock", async () => {
    let clock = 1_000_000;
    const report = await check(
      {},
      {
        ratePerSecond: 10,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      },
    );
    expect(findings(report)).toEqual([]);
    expect(clock - 1_000_000).toBe((report.summary.requests - 1) * 100);
  });

  it("runs only the selected checks and sends only the requests they need", async () => {
    const report = await check(
      { faults: ["answer-without-credentials", "send-text-plain"] },
      { checks: ["authentication"] },
    );
    expect(report.checksRun).toEqual(["authentication"]);
    expect(report.exchanges.map((c) => c.kind)).toEqual(["no-credentials", "wrong-credentials"]);
    expect(failingChecks(report)).toEqual(["authentication"]);
    const skipping = await check({ faults: ["send-text-plain"] }, { skipChecks: ["content-type"] });
    expect(findings(skipping)).toEqual([]);
  });

  it.each([
    ["a target of kind mock", { target: { baseUrl: "", kind: "mock" } }],
    ["the deprecated preferStatusHints", { preferStatusHints: true }],
  ] as const)(
    "skips, with a note, the checks a static mock cannot satisfy when told the target is one (%s)",
    async (_, told) => {
      const report = await check({}, told);
      expect(report.skipped.map((s) => s.check)).toEqual([
        "parameters-honoured",
        "pagination-integrity",
        "cross-endpoint-consistency",
        "negative-data",
      ]);
      expect(
        report.exchanges.some(
          (c) => c.kind === "no-credentials" || c.kind === "invalid-parameter" || c.kind === "filtered-page",
        ),
      ).toBe(false);
    },
  );
});
