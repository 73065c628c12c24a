// A value nested 5,000 or 100,000 levels deep at any position of a list or get body (an unknown property of a log, a
// declared property's value, the body root, inside `links`, inside an array item) is drift with its finding, never a
// crash: the built `video-logs check`, live against a local server and with --har on a recording of the same bodies,
// with --propose and a report of every format, exits 1 and reports the whole finding.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Finding } from "../../src/findings/finding.ts";
import { fingerprintOf, patternPointer } from "../../src/findings/fingerprint.ts";
import type { OverlayDocument } from "../../src/propose/overlay-document.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, type CliResult, runBin } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const servers = serverPerTest();
let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), "video-logs-deep-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const DEPTHS = [5_000, 100_000];
/** JSON text of an array nested `depth` levels deep around `inner`. */
const nested = (depth: number, inner = "") => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
/** What a report quotes of such an array: its beginning, cut at 60 characters. */
const CUT = `${"[".repeat(59)}…`;

/** The sample log as JSON text with `field` set to the raw JSON text `value`. */
function logWith(field: string, value: string): string {
  const { [field]: _replaced, ...rest } = completedLog as unknown as Record<string, unknown>;
  return `${JSON.stringify(rest).slice(0, -1)},${JSON.stringify(field)}:${value}}`;
}
const LINKS = '"self":"/api/video/logs","first":"/api/video/logs"';
const pageOf = (log: string) => `{"links":{${LINKS}},"data":[${log}]}`;

const schemaFinding = (finding: Omit<Finding, "check">): Finding => ({ check: "response-schema", ...finding });
const typeFinding = (pointer: string, expected: string): Finding =>
  schemaFinding({
    pointer,
    kind: "breaking",
    keyword: "type",
    expected,
    message: `expected ${expected}, got array`,
    actual: CUT,
  });
const pageShapeFinding = (pointer: string, expected: string): Finding =>
  schemaFinding({
    pointer,
    kind: "breaking",
    keyword: "type",
    message: `expected ${expected} to iterate the pages, got ${CUT}`,
    expected,
    actual: CUT,
  });

interface Position {
  /** The list body and the get body with the deep array `deep` (JSON text) in this position. */
  list(deep: string): string;
  get(deep: string): string;
  /** The findings of each response, by the schema. */
  listFindings: Finding[];
  getFindings: Finding[];
  /** What the live check's page walk adds for a page it cannot walk (a recording's pages are not walked). */
  walkFindings?: Finding[];
  /**
   * The target of the action that answers the finding; null when verification takes it out (a union that would hold
   * an object schema inline, which the spec's gates refuse) and lists it under x-not-proposed.
   */
  proposes: string | null;
}

const unknownProperty = (at: string) => [
  schemaFinding({
    pointer: `${at}/extra`,
    kind: "additive",
    keyword: "additionalProperties",
    message: 'unexpected property "extra" (not in the spec)',
    expected: "(absent)",
    actual: CUT,
  }),
];
const statusValue = (at: string) => [
  typeFinding(`${at}/status`, "string or null"),
  schemaFinding({
    pointer: `${at}/status`,
    kind: "breaking",
    keyword: "enum",
    message: `${CUT} is not one of "in-progress" | "completed" | null`,
    expected: '"in-progress" | "completed" | null',
    actual: CUT,
  }),
];

const POSITIONS: Record<string, Position> = {
  "an unknown property of a log": {
    list: (deep) => pageOf(logWith("extra", deep)),
    get: (deep) => logWith("extra", deep),
    listFindings: unknownProperty("/data/0"),
    getFindings: unknownProperty(""),
    proposes: "$.components.schemas.Log.properties",
  },
  "a declared property's value (status)": {
    list: (deep) => pageOf(logWith("status", deep)),
    get: (deep) => logWith("status", deep),
    listFindings: statusValue("/data/0"),
    getFindings: statusValue(""),
    proposes: "$.components.schemas.LogStatus",
  },
  "the body root": {
    list: (deep) => deep,
    get: (deep) => deep,
    listFindings: [typeFinding("", "object")],
    walkFindings: [pageShapeFinding("", "an object")],
    getFindings: [typeFinding("", "object")],
    proposes: null,
  },
  "links.next": {
    list: (deep) => `{"links":{${LINKS},"next":${deep}},"data":[${JSON.stringify(completedLog)}]}`,
    get: () => JSON.stringify(completedLog),
    listFindings: [typeFinding("/links/next", "string")],
    walkFindings: [pageShapeFinding("/links/next", "a string")],
    getFindings: [],
    proposes: "$.components.schemas.PaginationLinks.properties.next",
  },
  "an item of a log's array": {
    list: (deep) => pageOf(logWith("charge_details", `[${deep}]`)),
    get: (deep) => logWith("charge_details", `[${deep}]`),
    listFindings: [typeFinding("/data/0/charge_details/0", "object")],
    getFindings: [typeFinding("/charge_details/0", "object")],
    proposes: null,
  },
};

const CASES = DEPTHS.flatMap((depth) =>
  Object.entries(POSITIONS).map(([where, position]) => ({ where, depth, position })),
);

/** The files a run writes, one report per format and the proposal, and the flags that ask for them (and --strict). */
function outputs(name: string) {
  const file = (ext: string) => join(dir, `${name}.${ext}`);
  const reports = { json: file("json"), text: file("txt"), junit: file("xml"), markdown: file("md") };
  const files = { ...reports, proposal: file("yaml") };
  const reportFlags = Object.entries(reports).flatMap(([format, path]) => ["--report", `${format}=${path}`]);
  return { files, args: ["--strict", "--quiet", "--propose", files.proposal, ...reportFlags] };
}

/**
 * An exchange's violations without their fingerprints, which are checked apart: each is the fingerprint of its
 * check, operation, status, pointer (indices as `*`) and keyword.
 */
function withoutFingerprints(exchange: DriftReport["exchanges"][number]) {
  return exchange.violations.map(({ fingerprint, ...violation }) => {
    const { check, keyword } = violation;
    const fields = { check, operation: exchange.operation, status: exchange.status, keyword };
    expect(fingerprint).toBe(fingerprintOf({ ...fields, pointer: patternPointer(violation.pointer) }));
    return violation;
  });
}

/** Exit 1 and nothing on stderr; every report written, each saying as much drift as the JSON one; the proposal. */
async function expectDriftReported(
  result: CliResult,
  files: ReturnType<typeof outputs>["files"],
  proposes: string | null,
) {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(1);
  const report = JSON.parse(await readFile(files.json, "utf8")) as DriftReport;
  const { breaking, additive } = report.summary;
  expect(await readFile(files.text, "utf8")).toContain(`${breaking} breaking, ${additive} additive`);
  const markdown = await readFile(files.markdown, "utf8");
  expect(markdown.match(/^\| breaking \|/gm)?.length ?? 0).toBe(breaking);
  expect(markdown.match(/^\| additive \|/gm)?.length ?? 0).toBe(additive);
  // One JUnit testcase per check and operation; with --strict, every one holding a finding fails.
  const failing = new Set(report.findings.map((finding) => `${finding.check} ${finding.operation}`)).size;
  expect(await readFile(files.junit, "utf8")).toContain(`failures="${failing}"`);
  const proposal = parse(await readFile(files.proposal, "utf8")) as OverlayDocument;
  expect(proposal.overlay).toBe("1.0.0");
  if (proposes !== null) expect(proposal.actions.map((action) => action.target)).toContain(proposes);
  else
    expect(proposal["x-not-proposed"]?.map((entry) => entry.reason)).toContainEqual(
      expect.stringMatching(/^verified before writing, .* is an inline object schema in a union: make it a component/),
    );
  return report;
}

describe("video-logs check facing a value nested thousands of levels deep", () => {
  it.each(CASES)(
    "reports $where nested $depth deep in a live answer as its finding and exits 1",
    async ({ where, depth, position }) => {
      const deep = nested(depth);
      const server = await servers.start((req, res) => {
        const body = req.url!.startsWith("/api/video/logs/") ? position.get(deep) : position.list(deep);
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      });
      const { files, args } = outputs(`live-${depth}-${where.replace(/\W+/g, "-")}`);
      const result = await runBin(
        [
          "check",
          "--base-url",
          server.url,
          "--checks",
          "response-schema,cross-endpoint-consistency",
          "--pages",
          "1",
          "--sample",
          "1",
          "--no-auth-probe",
          ...args,
        ],
        env,
      );
      const report = await expectDriftReported(result, files, position.proposes);
      expect(report.exchanges.map((check) => check.operation)).toEqual(
        expect.arrayContaining(["list_logs", "get_log"]),
      );
      const listed = [...position.listFindings, ...(position.walkFindings ?? [])];
      for (const check of report.exchanges)
        expect(withoutFingerprints(check), check.name).toEqual(
          check.operation === "list_logs" ? listed : position.getFindings,
        );
    },
  );

  it.each(CASES)(
    "reports $where nested $depth deep in a recording (--har) as its finding and exits 1",
    async ({ where, depth, position }) => {
      const deep = nested(depth);
      const api = "https://example.signalwire.com/api/video/logs";
      const headers = { "content-type": "application/json" };
      const har = writeHar(
        dir,
        `recording-${depth}-${where.replace(/\W+/g, "-")}.har`,
        harRecording([
          { url: `${api}?page_size=5`, responseHeaders: headers, text: position.list(deep) },
          { url: `${api}/${completedLog.id}`, responseHeaders: headers, text: position.get(deep) },
        ]),
      );
      const { files, args } = outputs(`har-${depth}-${where.replace(/\W+/g, "-")}`);
      const result = await runBin(["check", "--har", har, ...args]);
      const report = await expectDriftReported(result, files, position.proposes);
      expect(report.exchanges.map((check) => [check.operation, withoutFingerprints(check)])).toEqual([
        ["list_logs", position.listFindings],
        ["get_log", position.getFindings],
      ]);
    },
  );

  it.each(DEPTHS)(
    "reports a field nested %i deep that the item got by id holds otherwise than the listing, cut in both quotes",
    async (depth) => {
      const server = await servers.start((req, res) => {
        const byId = req.url!.startsWith("/api/video/logs/");
        const log = logWith("extra", byId ? nested(depth, "1") : nested(depth));
        res.writeHead(200, { "content-type": "application/json" }).end(byId ? log : pageOf(log));
      });
      const { files, args } = outputs(`differs-${depth}`);
      const result = await runBin(
        ["check", "--base-url", server.url, "--pages", "1", "--sample", "1", "--no-auth-probe", ...args],
        env,
      );
      const report = await expectDriftReported(result, files, "$.components.schemas.Log.properties");
      const sampled = report.exchanges.find((check) => check.kind === "sampled-item")!;
      expect(withoutFingerprints(sampled)).toEqual([
        ...unknownProperty(""),
        {
          check: "cross-endpoint-consistency",
          kind: "breaking",
          keyword: "consistency",
          pointer: "/extra",
          message: '"extra" differs from the item list_logs listed',
          expected: `list_logs's value ${"[".repeat(120 - "list_logs's value ".length)}`,
          actual: CUT,
        },
      ]);
    },
  );
});
