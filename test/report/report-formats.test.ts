import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFORMANCE_CHECKS } from "../../src/check/plan-probes.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
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
  });
});
afterAll(() => server.close());

describe("the drift report", () => {
  it("counts requests, checks and both kinds of drift", () => {
    expect(report.summary).toEqual({ requests: 6, checked: 6, passed: 5, breaking: 1, additive: 1, errors: 0 });
    const drifted = report.exchanges.find((c) => !c.passed)!;
    expect(drifted.violations.map((v) => [v.pointer, v.kind])).toEqual([
      ["/extra", "additive"],
      ["/charge", "breaking"],
    ]);
  });

  it("in JSON, validates against the committed report schema", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schemas/drift-report.schema.json", import.meta.url), "utf8"));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    validate(JSON.parse(formatReport(report, "json")));
    expect(validate.errors ?? []).toEqual([]);
  });

  it("in text, starts with one summary line and shows each violation with its reproduction", () => {
    const text = formatReport(report, "text");
    expect(text.split("\n")[0]).toBe(
      `DRIFT: 6 requests, 6 checked, 5 passed, 1 breaking, 1 additive (base-url ${server.url})`,
    );
    expect(text).toContain("BREAKING [response-schema] get_log 200 /charge: expected number, got string");
    expect(text).toContain("ADDITIVE [response-schema] get_log 200 /extra");
    expect(text).toContain(`curl -sS -u "$SIGNALWIRE_PROJECT_ID:$SIGNALWIRE_API_TOKEN"`);
    expect(text).not.toContain("\u001b[");
  });

  it("in text on a terminal, uses colour", () => {
    expect(formatReport(report, "text", { color: true })).toContain("\u001b[31m");
  });

  it("in JUnit XML, is well-formed with one testcase per check and the breaking one failed", () => {
    const xml = formatReport(report, "junit");
    // python3's XML parser stands in for a CI system reading the file.
    const parsed = spawnSync(
      "python3",
      [
        "-c",
        "import sys,xml.etree.ElementTree as E; r=E.parse(sys.stdin); print(len(r.findall('.//testcase')), len(r.findall('.//failure')))",
      ],
      { input: xml, encoding: "utf8" },
    );
    expect(parsed.stderr).toBe("");
    expect(parsed.stdout.trim()).toBe("6 1");
  });

  it("in Markdown, has a verdict heading and a table row per violation", () => {
    const markdown = formatReport(report, "markdown");
    expect(markdown.startsWith("### ❌ Video Logs API drift check")).toBe(true);
    // Server text is escaped in the source, so the rendered table is what a reader sees.
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).toContain(`<td>breaking</td>\n<td>response-schema</td>\n<td>get_log ${completedLog.id}</td>`);
    expect(html).toContain("<code>/charge</code>");
    expect(markdown).toContain("<details><summary>Reproduce</summary>");
  });

  it("never contains the API token in any format", () => {
    for (const format of ["text", "json", "junit", "markdown"] as const) {
      expect(formatReport(report, format)).not.toContain(API_TOKEN);
    }
  });
});
