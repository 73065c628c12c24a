// A body nested thousands of levels deep is a wrong answer (exit 1 with a violation), never a crash (exit 2).
import { beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { summaryLine } from "../../src/report/summary-line.ts";
import { assertBuilt, runBin, runInProcess } from "../helpers/cli.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { rawControls } from "./read-back.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const servers = serverPerTest();
beforeAll(() => assertBuilt());

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const SHAPES = {
  "the whole body": (deep: string) => deep,
  "a page's data": (deep: string) => `{"links":{"self":"/api/video/logs","first":"/api/video/logs"},"data":${deep}}`,
  "a log's field": (deep: string) => `{"id":${deep}}`,
};
// 4096 levels is the 8 KB body; 50 000 is far past any stack.
// Each command meets one 50 000-level shape in the built executable, where a crash would show as its exit code and
// stderr; every other case reaches the runCli it runs, in-process, on this worker's stack (no larger than the
// executable's, and already deeper in use), where a stack overflow would fail the test just the same.
const IN_THE_EXECUTABLE: Record<string, keyof typeof SHAPES> = {
  check: "a page's data",
  get: "a log's field",
  list: "the whole body",
};
const run = (depth: number, where: string, args: string[]) =>
  depth === 50_000 && IN_THE_EXECUTABLE[args[0]!] === where ? runBin(args, env) : runInProcess(args, env);
const CASES = [4096, 50_000].flatMap((depth) =>
  Object.entries(SHAPES).map(([where, shape]) => ({ where, depth, body: shape(nested(depth)) })),
);

async function serve(body: string) {
  return servers.start((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
}

describe("the CLI facing a deeply nested body", () => {
  it.each(CASES)(
    "check reports $where nested $depth deep as breaking drift and exits 1",
    async ({ body, depth, where }) => {
      const server = await serve(body);
      const result = await run(depth, where, [
        "check",
        "--base-url",
        server.url,
        "--format",
        "json",
        "--pages",
        "1",
        "--sample",
        "0",
        "--no-auth-probe",
      ]);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as DriftReport;
      // Nothing on stderr but the summary line of that report (the JSON report being on stdout): no crash, no trace.
      expect(result.stderr).toBe(`${summaryLine(report)}\n`);
      expect(result.stderr).toMatch(/^DRIFT: [1-9]\d* breaking, /);
      const listings = report.exchanges.filter((c) => c.kind === "page");
      expect(listings).toHaveLength(2);
      for (const listing of listings) expect(listing.violations.some((v) => v.kind === "breaking")).toBe(true);
    },
  );

  it.each(CASES)(
    "get reports $where nested $depth deep as a violation on stderr and exits 1",
    async ({ body, depth, where }) => {
      const server = await serve(body);
      const result = await run(depth, where, ["get", completedLog.id, "--base-url", server.url]);
      expect(result.code).toBe(1);
      // The findings of what was received, additive ones included, each on its line.
      expect(result.stderr).toMatch(/^((breaking|additive) get_log \/.*\n)+$/);
      expect(result.stderr).not.toMatch(/RangeError|call stack/);
      expect(rawControls(result.stderr.replace(/\n/g, ""))).toEqual([]);
    },
  );

  it.each(CASES.filter((c) => c.where !== "a log's field"))(
    "list reports $where nested $depth deep as a violation on stderr and exits 1",
    async ({ body, depth, where }) => {
      const server = await serve(body);
      const result = await run(depth, where, ["list", "--base-url", server.url]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^(breaking list_logs \/.*\n)+$/);
      expect(result.stderr).not.toMatch(/RangeError|call stack/);
    },
  );
});
