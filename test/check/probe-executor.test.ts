import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS, planProbes } from "../../src/check/plan-probes.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import type { Operation } from "../../src/operations/operation-table.ts";
import type { ExchangeResult } from "../../src/report/report-types.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const LISTED = pageOf(4, { self: "/api/video/logs", first: "/api/video/logs" });

/** Four sampled ids (the unknown id is answered at once: it is sent beside the listings, before the ids are known). */
const ITEM_REQUESTS = 4;

/**
 * A server whose requests for the sampled ids are held until `hold` of them are in flight (or the last one has come),
 * then answered in reverse order of arrival: completion order is the opposite of the plan's, with no timer involved.
 */
async function reversingServer(hold: number) {
  let arrived = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const held: [string, ServerResponse][] = [];
  const server = await servers.start((req, res) => {
    const path = new URL(req.url!, "http://x").pathname;
    if (path === "/api/video/logs") return sendJson(res, 200, LISTED);
    if (!LISTED.data.some((log) => path.endsWith(log.id))) return sendJson(res, 404, { error: "Not Found" });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    held.push([path.slice("/api/video/logs/".length), res]);
    arrived++;
    if (held.length < hold && arrived < ITEM_REQUESTS) return;
    for (const [id, waiting] of held.splice(0).reverse()) {
      inFlight--;
      const log = LISTED.data.find((candidate) => candidate.id === id);
      if (log) sendJson(waiting, 200, log);
      else sendJson(waiting, 404, { error: "Not Found" });
    }
  });
  return { server, maxInFlight: () => maxInFlight };
}

async function check(concurrency: number) {
  const { server, maxInFlight } = await reversingServer(concurrency);
  const client = createVideoLogsClient({ baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN, retries: 0 });
  const reported: string[] = [];
  const report = await runDriftCheck({
    client,
    target: { baseUrl: server.url, kind: "base-url" },
    sample: 4,
    concurrency,
    // The conformance checks only: this server answers every listing alike, whatever its parameters.
    checks: CONFORMANCE_CHECKS,
    // One clock for both runs: the listings' created_before pin (and so their names) is the same.
    now: () => Date.parse("2026-01-01T00:00:00Z"),
    onResult: (c) => reported.push(c.name),
  });
  await servers.server.close();
  return { report, reported, maxInFlight: maxInFlight() };
}

describe("the probe executor", () => {
  it("plans pinned pages for every list operation, a filtered listing per x-filter, ids, negative data and both credential probes", () => {
    const plan = planProbes({ authProbe: true, pin: "2026-01-01T00:00:00.000Z" });
    const pinned = { created_before: "2026-01-01T00:00:00.000Z", page_size: 5 };
    expect(
      plan.map((p) => [p.kind, p.operationId, "parameter" in p ? p.parameter : "value" in p ? p.value : null]),
    ).toEqual([
      ["page", "list_logs", null],
      ["page", "list_logs", null],
      ["filtered-page", "list_logs", "created_before"],
      ["filtered-page", "list_logs", "created_on"],
      ["filtered-page", "list_logs", "created_after"],
      ["sampled-item", "get_log", null],
      ["unknown-item", "get_log", null],
      ["malformed-id", "get_log", "not-a-uuid"],
      ["invalid-parameter", "list_logs", "include_deleted"],
      ["invalid-parameter", "list_logs", "created_before"],
      ["invalid-parameter", "list_logs", "created_on"],
      ["invalid-parameter", "list_logs", "created_after"],
      ["invalid-parameter", "list_logs", "page_number"],
      ["invalid-parameter", "list_logs", "page_size"],
      ["invalid-parameter", "list_logs", "page_size"],
      ["unknown-parameter", "list_logs", "video_logs_check_unknown"],
      ["no-credentials", "list_logs", null],
      ["wrong-credentials", "list_logs", null],
    ]);
    // The two listings differ by the parameter the spec marks x-includes-discarded, both pinned with a small page;
    // the invalid values come from the parameters' schemas; the 401 probes ask for the smallest page.
    expect(plan.flatMap((p) => ("query" in p ? [p.query] : []))).toEqual([
      { include_deleted: false, ...pinned },
      { include_deleted: true, ...pinned },
      { include_deleted: false, ...pinned },
      { include_deleted: false, ...pinned },
      { include_deleted: false, ...pinned },
      { page_size: 1 },
      { page_size: 1 },
    ]);
    expect(plan.filter((p) => p.kind === "invalid-parameter").map((p) => ("value" in p ? p.value : null))).toEqual([
      "not-a-boolean",
      "not-a-date",
      "not-a-date",
      "not-a-date",
      -1,
      0,
      1001,
    ]);
  });

  it("plans from any table: a listing without a discarded filter is read once, a listing nested under a path parameter is left out", () => {
    const operation = (
      operationId: string,
      path: string,
      list: boolean,
      getById: Operation["getById"] = null,
    ): Operation => ({
      operationId,
      method: "GET",
      path,
      parameters: path.includes("{")
        ? [{ name: "id", in: "path", required: true, description: null, schema: {}, extensions: {} }]
        : [],
      statuses: ["200"],
      list,
      getById,
      extensions: {},
    });
    const operations = [
      operation("list_rooms", "/rooms", true),
      operation("get_room", "/rooms/{id}", false, { list: "list_rooms", idParameter: "id" }),
      operation("list_room_members", "/rooms/{id}/members", true),
    ];
    expect(
      planProbes({ authProbe: true, operations }).map((p) => [p.kind, p.operationId, "query" in p ? p.query : null]),
    ).toEqual([
      ["page", "list_rooms", {}],
      ["sampled-item", "get_room", null],
      ["unknown-item", "get_room", null],
      ["unknown-parameter", "list_rooms", null],
      ["no-credentials", "list_rooms", {}],
      ["wrong-credentials", "list_rooms", {}],
    ]);
  });

  it.each([2, 4])(
    "runs up to %i probes at once and keeps the report in plan order whatever the completion order",
    async (concurrency) => {
      const sequential = await check(1);
      const concurrent = await check(concurrency);
      expect(sequential.maxInFlight).toBe(1);
      expect(concurrent.maxInFlight).toBe(concurrency);
      const names = (checks: ExchangeResult[]) => checks.map((c) => c.name);
      expect(names(concurrent.report.exchanges)).toEqual(names(sequential.report.exchanges));
      expect(names(concurrent.report.exchanges).slice(2)).toEqual([
        ...LISTED.data.map((log) => `get_log ${log.id}`),
        "get_log of an unknown id",
      ]);
      // Progress reports in completion order: the held requests come back reversed.
      expect(concurrent.reported).not.toEqual(names(concurrent.report.exchanges));
      expect([...concurrent.reported].sort()).toEqual([...names(concurrent.report.exchanges)].sort());
      expect(concurrent.report.summary.passed).toBe(concurrent.report.exchanges.length);
    },
  );

  it("reports a page only once it is final: a page whose next link loops is reported failed, never ok", async () => {
    const server = await servers.start((req, res) =>
      sendJson(res, 200, pageOf(1, { self: "/api/video/logs", first: "/api/video/logs", next: req.url! })),
    );
    const client = createVideoLogsClient({
      baseUrl: server.url,
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      retries: 0,
    });
    const reported: ExchangeResult[] = [];
    const report = await runDriftCheck({
      client,
      target: { baseUrl: server.url, kind: "base-url" },
      sample: 0,
      checks: [...CONFORMANCE_CHECKS, "pagination-integrity"],
      onCheck: (c) => reported.push(structuredClone(c)),
    });
    const first = report.exchanges[0]!;
    expect(first.kind).toBe("page");
    expect(first.violations.map((v) => v.keyword)).toEqual(["pagination"]);
    expect(reported[0]).toEqual(first);
    expect(reported[0]!.passed).toBe(false);
  });
});
