// `video-logs check` reports what it did not see, on the built CLI: a Space without deleted logs never shows the
// DiscardedLog branch, a null status or a 500; --min-coverage passes above its threshold and fails below it with a
// finding of its own; a recording's coverage the same way. Every report format, the JSON one valid for its schema.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import MarkdownIt from "markdown-it";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
const dir = mkdtempSync(join(tmpdir(), "video-logs-check-coverage-"));
let space: LocalServer | undefined;

beforeAll(() => assertBuilt());
afterEach(async () => {
  await space?.close();
  space = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const addFormats = addFormatsModule.default.default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(
  JSON.parse(readFileSync(new URL("../../schemas/drift-report.schema.json", import.meta.url), "utf8")),
);

/** GitHub's renderer when installed (cmark-gfm with its table extension), else markdown-it, which renders GFM tables. */
function renderMarkdown(markdown: string): string {
  const cmark = spawnSync("cmark-gfm", ["-e", "table"], { input: markdown, encoding: "utf8" });
  return cmark.error ? new MarkdownIt().render(markdown) : cmark.stdout;
}

let runs = 0;
/** Runs `video-logs check ARGS` writing the four reports; returns them with the exit code and stderr. */
async function check(args: string[]) {
  const n = runs++;
  const out = (ext: string) => join(dir, `report-${n}.${ext}`);
  const formats = { json: "json", junit: "xml", markdown: "md", text: "txt" };
  const reports = Object.entries(formats).flatMap(([format, ext]) => ["--report", `${format}=${out(ext)}`]);
  const result = await runBin(["check", ...args, ...reports], env);
  const read = (ext: string) => readFileSync(out(ext), "utf8");
  const report = JSON.parse(read("json")) as DriftReport;
  validate(report);
  expect(validate.errors ?? []).toEqual([]);
  return { ...result, report, junit: read("xml"), markdown: read("md"), text: read("txt") };
}

const spaceWithoutDeletedLogs = async () => {
  space = await startStandInSpace({ deletedLogs: false });
  return ["--base-url", space.url];
};

/** The finding of a run of the stand-in Space without deleted logs, below a minimum of 95%. */
const BELOW_95 = {
  fingerprint: "afd84592f80d7709",
  check: "coverage",
  operation: "*",
  status: null,
  pointer: "",
  keyword: "min-coverage",
  severity: "breaking",
  count: 1,
  requests: [],
  example: {
    message:
      'coverage 60% is below the minimum of 95%; not seen: list_logs status 400, list_logs status 403, list_logs status 500, list_logs enum LogStatus null, list_logs enum BadRequestError.error "Bad Request", list_logs enum ForbiddenError.error "Forbidden", list_logs enum InternalServerError.error "Internal Server Error", list_logs union VideoLog DiscardedLog, list_logs property Log.status null, list_logs property Log.started_at null and 14 more',
    expected: "at least 95% of the declared items seen",
    actual: "60% (36 of 60)",
    curl: "",
    requestId: null,
  },
};

describe("video-logs check's coverage against a Space without deleted logs", () => {
  it("passes without a minimum and shows the DiscardedLog branch, a null status and the 500 unseen in every format", async () => {
    const { code, report, text, markdown, junit } = await check(await spaceWithoutDeletedLogs());
    expect(code).toBe(0);
    expect(report.coverage).toMatchObject({ percent: 60, declared: 60, seen: 36 });
    const listed = report.coverage.operations.list_logs!;
    expect(listed.unions).toEqual({
      "#/components/schemas/VideoLog/anyOf": { declared: ["Log", "DiscardedLog"], seen: ["Log"] },
    });
    expect(listed.enums["#/components/schemas/LogStatus"]).toEqual({
      declared: ["in-progress", "completed", null],
      seen: ["in-progress", "completed"],
    });
    expect(listed.statuses).toEqual({
      declared: ["200", "400", "401", "403", "422", "500"],
      seen: ["200", "401", "422"],
    });
    expect(text).toContain("coverage 60%: 36 of 60 declared items seen; not seen:\n");
    expect(text).toContain("\n  list_logs  statuses    400, 403, 500\n");
    expect(text).toContain("\n  list_logs  unions      VideoLog: DiscardedLog\n");
    expect(text).toContain(
      '\n  list_logs  enums       LogStatus: null; BadRequestError.error: "Bad Request"; ForbiddenError.error: "Forbidden"; InternalServerError.error: "Internal Server Error"\n',
    );
    const html = renderMarkdown(markdown);
    expect(html).toMatch(
      /<th>operation<\/th>\s*<th>statuses<\/th>\s*<th>parameters<\/th>\s*<th>enum values<\/th>\s*<th>union branches<\/th>\s*<th>properties<\/th>/,
    );
    expect(html).toMatch(/<td><code>list_logs<\/code><\/td>\s*<td><code>400, 403, 500<\/code><\/td>\s*<td><\/td>/);
    expect(html).toContain("<td><code>VideoLog: DiscardedLog</code></td>");
    // Without a minimum, the check judges nothing: no testcase.
    expect(junit).not.toContain("coverage");
  });

  it("passes --min-coverage 60, which it reaches, with the coverage testcase passed", async () => {
    const { code, report, junit } = await check([...(await spaceWithoutDeletedLogs()), "--min-coverage", "60"]);
    expect(code).toBe(0);
    expect(report.coverage.minimum).toBe(60);
    expect(report.findings).toEqual([]);
    expect(junit).toContain('<testcase classname="video-logs.coverage" name="coverage *" time="0.000"/>');
  });

  it("fails --min-coverage 95 with one finding of check coverage naming what was not seen", async () => {
    const { code, stderr, report, text, junit, markdown } = await check([
      ...(await spaceWithoutDeletedLogs()),
      "--min-coverage",
      "95",
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^DRIFT: 1 breaking, 0 additive findings; 28 requests/m);
    expect(report.findings).toEqual([BELOW_95]);
    expect(report.plan.at(-1)).toEqual({ check: "coverage", operation: "*", exercised: true });
    expect(text).toContain(`BREAKING [coverage] * - /: ${BELOW_95.example.message}\n`);
    expect(text).toContain("coverage 60%: 36 of 60 declared items seen (minimum 95%); not seen:");
    expect(text).not.toContain("repro:");
    expect(junit).toMatch(/<testcase classname="video-logs.coverage" name="coverage \*" time="0.000">\s*<failure /);
    expect(renderMarkdown(markdown)).toContain("<td>coverage</td>");
  });

  it("refuses a --min-coverage outside 0 to 100", async () => {
    const { code, stderr } = await runBin(["check", "--base-url", "http://127.0.0.1:9", "--min-coverage", "101"], env);
    expect(code).toBe(2);
    expect(stderr).toContain('--min-coverage must be a whole number from 0 to 100, got "101"');
  });
});

describe("video-logs check --har's coverage", () => {
  const API = "https://example.signalwire.com/api/video/logs";
  const recording = () =>
    writeHar(
      dir,
      "one-page.har",
      harRecording([
        {
          url: `${API}?page_size=2&created_after=2022-01-01`,
          json: { links: { self: `${API}?page_size=2`, first: `${API}?page_size=2` }, data: [completedLog] },
        },
        { url: `${API}/${completedLog.id}`, status: 404, json: { error: "Not Found" } },
      ]),
    );

  it("counts the recorded statuses, the parameters in the recorded URLs and what the bodies show", async () => {
    const { code, report, text } = await check(["--har", recording()]);
    expect(code).toBe(0);
    expect(report.coverage).toMatchObject({ percent: 16.6, declared: 60, seen: 10 });
    expect(report.coverage.operations.list_logs!.parameters).toEqual({
      declared: [
        "include_deleted",
        "created_before",
        "created_on",
        "created_after",
        "page_number",
        "page_size",
        "page_token",
      ],
      seen: ["created_after", "page_size"],
    });
    expect(report.coverage.operations.get_log!.statuses.seen).toEqual(["404"]);
    expect(report.coverage.operations.get_log!.enums["#/components/schemas/NotFoundError/properties/error"]).toEqual({
      declared: ["Not Found"],
      seen: ["Not Found"],
    });
    expect(text).toContain("\n  get_log    unions      VideoLog: Log, DiscardedLog\n");
  });

  it("fails a recording below --min-coverage", async () => {
    const { code, report } = await check(["--har", recording(), "--min-coverage", "17"]);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => [finding.check, finding.example.actual])).toEqual([
      ["coverage", "16.6% (10 of 60)"],
    ]);
  });
});
