import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS } from "../../src/check/plan-probes.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { formatReport } from "../../src/report/format-report.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, deletedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";

const addFormats = addFormatsModule.default.default;
let server: LocalServer;
let report: DriftReport;

// A small API with one breaking and one additive drift, and correct 404 and 401 answers.
beforeAll(async () => {
  const good = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`;
  server = await startLocalServer((req, res) => {
    if (req.headers.authorization !== good) return sendJson(res, 401, { error: "Unauthorized" });
    const url = new URL(req.url!, server.url);
    if (url.pathname === "/api/video/logs") {
      const data = url.searchParams.get("include_deleted") === "true" ? [completedLog, deletedLog] : [completedLog];
      return sendJson(res, 200, { links: { self: req.url, first: req.url }, data }, { "x-request-id": "rq-1" });
    }
    if (url.pathname === `/api/video/logs/${completedLog.id}`)
      return sendJson(res, 200, { ...completedLog, charge: "0.01", extra: 1 });
    if (url.pathname === `/api/video/logs/${deletedLog.id}`) return sendJson(res, 200, deletedLog);
    sendJson(res, 404, { error: "Not Found" });
  });
  const options = { baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN, validation: "off" as const };
  report = await runDriftCheck({
    client: createVideoLogsClient(options),
    wrongCredentialsClient: createVideoLogsClient({ ...options, apiToken: "wrong" }),
    target: { baseUrl: server.url, kind: "base-url" },
    // The conformance checks only: this server answers every listing alike, whatever its parameters.
    checks: CONFORMANCE_CHECKS,
    seed: 42,
  });
});
afterAll(() => server.close());

const CURL = `curl -sS -u "$SIGNALWIRE_PROJECT_ID:$SIGNALWIRE_API_TOKEN" -H 'Accept: application/json'`;
const fingerprint = (pointer: string, keyword: string) =>
  fingerprintOf({ check: "response-schema", operation: "get_log", status: 200, pointer, keyword });

describe("the drift report", () => {
  it("counts requests, checks and both kinds of drift", () => {
    expect(report.summary).toEqual({ requests: 6, checked: 6, passed: 5, breaking: 1, additive: 1, errors: 0 });
    const drifted = report.exchanges.find((c) => !c.passed)!;
    expect(drifted.violations.map((v) => [v.pointer, v.kind, v.fingerprint])).toEqual([
      ["/extra", "additive", fingerprint("/extra", "additionalProperties")],
      ["/charge", "breaking", fingerprint("/charge", "type")],
    ]);
  });

  it("lists each drift once, breaking first, with where it was seen and one example", () => {
    const exchange = report.exchanges.findIndex((c) => !c.passed);
    expect(report.exchanges[exchange]!.name).toBe(`get_log ${completedLog.id}`);
    const curl = `${CURL} '${server.url}/api/video/logs/${completedLog.id}'`;
    expect(report.findings).toEqual([
      {
        fingerprint: fingerprint("/charge", "type"),
        check: "response-schema",
        operation: "get_log",
        status: 200,
        pointer: "/charge",
        keyword: "type",
        severity: "breaking",
        count: 1,
        requests: [{ requestId: null, exchange }],
        example: {
          message: "expected number, got string",
          expected: "number",
          actual: '"0.01"',
          curl,
          requestId: null,
        },
      },
      {
        fingerprint: fingerprint("/extra", "additionalProperties"),
        check: "response-schema",
        operation: "get_log",
        status: 200,
        pointer: "/extra",
        keyword: "additionalProperties",
        severity: "additive",
        count: 1,
        requests: [{ requestId: null, exchange }],
        example: {
          message: 'unexpected property "extra" (not in the spec)',
          expected: "(absent)",
          actual: "1",
          curl,
          requestId: null,
        },
      },
    ]);
  });

  it("plans every conformance check for both operations, each exercised", () => {
    expect(report.plan).toEqual(
      CONFORMANCE_CHECKS.flatMap((check) => [
        { check, operation: "get_log", exercised: true },
        { check, operation: "list_logs", exercised: true },
      ]),
    );
  });

  it("in JSON, validates against the committed report schema", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schemas/drift-report.schema.json", import.meta.url), "utf8"));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    validate(JSON.parse(formatReport(report, "json")));
    expect(validate.errors ?? []).toEqual([]);
  });

  it("in text, starts and ends with one summary line and shows each finding once with its reproduction", () => {
    const text = formatReport(report, "text");
    const summary = `DRIFT: 1 breaking, 1 additive finding; 6 requests, 6 judged, 5 without drift (base-url ${server.url})`;
    const repro = `  repro: ${CURL} '${server.url}/api/video/logs/${completedLog.id}'`;
    const seen = `  seen in 1 response (first: get_log ${completedLog.id})`;
    // What the run did not see comes after the findings, before the summary line again.
    const lines = text.split("\n");
    const coverageLine = `coverage ${report.coverage.percent}%: ${report.coverage.seen} of ${report.coverage.declared} declared items seen; not seen:`;
    const coverageAt = lines.indexOf(coverageLine);
    expect(coverageAt).toBeGreaterThan(0);
    const missed = lines.slice(coverageAt + 1, -3);
    expect(missed.length).toBeGreaterThan(0);
    for (const row of missed)
      expect(row).toMatch(/^ {2}(list_logs|get_log) +(statuses|parameters|enums|unions|properties) {2,}\S/);
    expect([...lines.slice(0, coverageAt), ...lines.slice(-2)]).toEqual([
      summary,
      "seed: 42 (check --seed 42 makes the same choices)",
      "",
      "BREAKING [response-schema] get_log 200 /charge: expected number, got string",
      '  expected number, actual "0.01"',
      seen,
      repro,
      `  fingerprint: ${fingerprint("/charge", "type")}`,
      "",
      'ADDITIVE [response-schema] get_log 200 /extra: unexpected property "extra" (not in the spec)',
      "  expected (absent), actual 1",
      seen,
      repro,
      `  fingerprint: ${fingerprint("/extra", "additionalProperties")}`,
      "",
      summary,
      "",
    ]);
    expect(text).not.toContain("\u001b[");
  });

  it("in text on a terminal, uses colour", () => {
    expect(formatReport(report, "text", { color: true })).toContain("\u001b[31m");
  });

  it("in JUnit XML, is well-formed with one testcase per planned check and operation, the breaking finding failed", () => {
    const xml = formatReport(report, "junit");
    // python3's XML parser stands in for a CI system reading the file.
    const parsed = spawnSync(
      "python3",
      [
        "-c",
        [
          "import sys,xml.etree.ElementTree as E",
          "r=E.parse(sys.stdin).getroot()",
          "print(r.get('name'), r.get('tests'), r.get('failures'), r.get('errors'), r.get('skipped'))",
          "for c in r.iter('testcase'): print(c.get('classname'), '|', c.get('name'), '|', *[x.tag + ':' + (x.get('message') or '') for x in c])",
        ].join("\n"),
      ],
      { input: xml, encoding: "utf8" },
    );
    expect(parsed.stderr).toBe("");
    expect(parsed.stdout.trimEnd().split("\n")).toEqual([
      "video-logs check 8 1 0 0",
      "video-logs.response-schema | response-schema get_log | failure:expected number, got string system-out:",
      "video-logs.response-schema | response-schema list_logs |",
      "video-logs.status-code | status-code get_log |",
      "video-logs.status-code | status-code list_logs |",
      "video-logs.content-type | content-type get_log |",
      "video-logs.content-type | content-type list_logs |",
      "video-logs.not-a-server-error | not-a-server-error get_log |",
      "video-logs.not-a-server-error | not-a-server-error list_logs |",
    ]);
    // The additive finding does not fail the run (not strict): it is in the testcase's output, not a failure.
    expect(xml).toContain(
      "<system-out>additive [response-schema] get_log 200 /extra: unexpected property &quot;extra&quot; (not in the spec)\nexpected (absent), actual 1\nseen in 1 response(s)\n",
    );
  });

  it("in Markdown, has a verdict heading and a table row per finding", () => {
    const markdown = formatReport(report, "markdown");
    expect(markdown.startsWith("### ❌ Video Logs API drift check")).toBe(true);
    const rows = markdown.split("\n").filter((line) => line.startsWith("| "));
    expect(rows.slice(0, 4)).toEqual([
      "| severity | check | operation | status | pointer | problem | actual | seen |",
      '| breaking | response-schema | `get_log` | 200 | `/charge` | expected number\\, got string | `"0.01"` | 1 |',
      '| additive | response-schema | `get_log` | 200 | `/extra` | unexpected property \\"extra\\" \\(not in the spec\\) | `1` | 1 |',
      // Then the table of what the run did not see: a row per operation it did not see all of.
      "| operation | statuses | parameters | enum values | union branches | properties |",
    ]);
    expect(rows.slice(4).map((row) => row.split(" | ")[0])).toEqual(["| `list_logs`", "| `get_log`"]);
    // Server text is escaped in the source, so the rendered table is what a reader sees.
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).toContain(
      "<td>breaking</td>\n<td>response-schema</td>\n<td><code>get_log</code></td>\n<td>200</td>\n<td><code>/charge</code></td>\n<td>expected number, got string</td>",
    );
    expect(html.match(/<tr>/g)).toHaveLength(3 + 3);
    expect(markdown).toContain("<details><summary>Reproduce</summary>");
    expect(markdown).toContain(`# ${fingerprint("/charge", "type")} response-schema get_log /charge\n${CURL}`);
  });

  it("never contains the API token in any format", () => {
    for (const format of ["text", "json", "junit", "markdown"] as const) {
      expect(formatReport(report, format)).not.toContain(API_TOKEN);
    }
  });
});
