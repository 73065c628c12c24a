// The built `video-logs check` blames a failed `Log | DiscardedLog` union on the branch a person would pick: a log of
// the 2022 shape is a Log with four fields missing, `{id, created_at}` a DiscardedLog without its `discarded_at`; live
// against a local server and in a recording of the same answers.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import { API_TOKEN, completedLog, deletedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const servers = serverPerTest();
let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), "video-logs-union-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A log as the API sent it in 2022: 8 of its 9 properties are Log's, 2 are DiscardedLog's. */
const { id, source, type, status, started_at, ended_at, charge, created_at } = completedLog;
const log2022 = { id, source, type, name: "my_room", status, started_at, ended_at, charge, created_at };
const idAndCreatedAt = { id: deletedLog.id, created_at: deletedLog.created_at };
const page = { links: { self: "/api/video/logs", first: "/api/video/logs" }, data: [log2022, idAndCreatedAt] };

const missing = (at: string, name: string): Finding => ({
  check: "response-schema",
  pointer: `${at}/${name}`,
  kind: "breaking",
  keyword: "required",
  message: `missing required property "${name}"`,
  expected: "present",
  actual: "(absent)",
});
const log2022Findings = (at: string): Finding[] => [
  ...["url", "room_name", "locked", "charge_details"].map((name) => missing(at, name)),
  {
    check: "response-schema",
    pointer: `${at}/name`,
    kind: "additive",
    keyword: "additionalProperties",
    message: 'unexpected property "name" (not in the spec)',
    expected: "(absent)",
    actual: '"my_room"',
  },
];
const PAGE_FINDINGS = [...log2022Findings("/data/0"), missing("/data/1", "discarded_at")];

/** Violations without their fingerprints: what is blamed is the point here, not the findings' identities. */
const withoutFingerprints = (violations: DriftReport["exchanges"][number]["violations"]) =>
  violations.map(({ fingerprint: _, ...violation }) => violation);

describe("video-logs check blaming a failed Log | DiscardedLog union", () => {
  it("reports a 2022 log as a Log missing four fields and {id, created_at} as a DiscardedLog, live", async () => {
    const server = await servers.start((req, res) => {
      const url = new URL(req.url!, "http://localhost");
      const body = url.pathname === `/api/video/logs/${id}` ? log2022 : url.pathname.endsWith("/logs") ? page : null;
      res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(body ?? { error: "Not Found" }));
    });
    const result = await runBin(
      [
        ...["check", "--base-url", server.url, "--checks", "response-schema", "--pages", "1", "--sample", "1"],
        ...["--no-auth-probe", "--format", "json"],
      ],
      env,
    );
    // The JSON report is on stdout, so the verdict goes to stderr.
    expect(result.stderr).toMatch(
      /^DRIFT: \d+ breaking, \d+ additive findings; 4 requests, 4 judged: 1 conform, 3 with breaking drift /,
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DriftReport;
    const pages = report.exchanges.filter((check) => check.kind === "page");
    expect(pages).toHaveLength(2);
    for (const listing of pages) expect(withoutFingerprints(listing.violations)).toEqual(PAGE_FINDINGS);
    expect(withoutFingerprints(report.exchanges.find((check) => check.kind === "sampled-item")!.violations)).toEqual(
      log2022Findings(""),
    );
  });

  it("reports the same answers in a recording (--har) the same way", async () => {
    const api = "https://example.signalwire.com/api/video/logs";
    const har = writeHar(
      dir,
      "union.har",
      harRecording([
        { url: `${api}?page_size=5`, json: page },
        { url: `${api}/${id}`, json: log2022 },
        { url: `${api}/${deletedLog.id}`, json: idAndCreatedAt },
      ]),
    );
    const result = await runBin(["check", "--har", har, "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DriftReport;
    expect(report.exchanges.map((check) => withoutFingerprints(check.violations))).toEqual([
      PAGE_FINDINGS,
      log2022Findings(""),
      [missing("", "discarded_at")],
    ]);
  });
});
