// Every report format, built from a drift check against a server that puts hostile text everywhere it can, read
// back as its consumer reads it.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DriftReport } from "../../src/check/report-types.ts";
import { runDriftCheck } from "../../src/check/run-drift-check.ts";
import { createVideoLogsClient } from "../../src/index.ts";
import { formatReport } from "../../src/report/format-report.ts";
import { type LocalServer, startLocalServer, type Handler } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { hostileApi } from "./hostile-api.ts";
import { HOSTILE_STRINGS } from "./hostile-strings.ts";
import { markdownTokens, parseXml, RAW_CONTROL, rawControls, renderMarkdown } from "./read-back.ts";

const addFormats = addFormatsModule.default.default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateReport = ajv.compile(JSON.parse(readFileSync(new URL("../../schemas/drift-report.schema.json", import.meta.url), "utf8")));

let server: LocalServer;
let handler: Handler;
const reports = new Map<string, DriftReport>();

beforeAll(async () => {
  server = await startLocalServer((req, res, index) => handler(req, res, index));
  const options = { baseUrl: server.url, projectId: PROJECT_ID, apiToken: API_TOKEN, validation: "off" as const, retries: 0 };
  for (const [name, hostile] of HOSTILE_STRINGS) {
    handler = hostileApi(hostile);
    reports.set(
      name,
      await runDriftCheck({
        client: createVideoLogsClient(options),
        wrongCredentialsClient: createVideoLogsClient({ ...options, apiToken: "wrong" }),
        target: { baseUrl: server.url, kind: "base-url" },
        pages: 2,
      }),
    );
  }
});
afterAll(() => server.close());

const cases = HOSTILE_STRINGS.map(([name, hostile]) => ({ name, hostile }));

/** How the text report shows the first invisible character of the hostile string, if it has one. */
function shownAs(hostile: string): string | undefined {
  const char = [...hostile].find((c) => RAW_CONTROL.test(c));
  if (char === undefined) return undefined;
  const short: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
  const code = char.codePointAt(0)!;
  return short[char] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`);
}

// The lines the text report is made of; a server that could start a line of its own would show up as another one.
const TEXT_LINE = /^(|(DRIFT|OK|INCOMPLETE): .*|(BREAKING|ADDITIVE) .*|NO RESPONSE .*|note: .*|  (expected|check:|repro:) .*)$/;

describe("the drift check against a hostile server", () => {
  it("put the hostile text where reports show it: violations, a request id, a note and a refused redirect", () => {
    const report = reports.get("an OSC sequence that sets the window title")!;
    const kinds = report.checks.flatMap((c) => c.violations.map((v) => v.keyword));
    expect(kinds).toEqual(expect.arrayContaining(["additionalProperties", "enum", "json", "type"]));
    expect(report.checks.some((c) => c.notes?.some((n) => n.includes("attacker.invalid/\\u001b]0;pwned")))).toBe(true);
    expect(report.checks.some((c) => c.error?.startsWith("Refused to follow"))).toBe(true);
    expect(report.checks.some((c) => c.requestId?.startsWith("rq-"))).toBe(true);
  });

  it.each(cases)("in text, $name never reaches the terminal raw nor starts a line", ({ name, hostile }) => {
    const report = reports.get(name)!;
    for (const color of [false, true]) {
      const text = formatReport(report, "text", { color });
      expect(rawControls(text, { color })).toEqual([]);
      const lines = text.replace(/\u001b\[\d+m/g, "").trimEnd().split("\n");
      expect(lines.filter((line) => !TEXT_LINE.test(line))).toEqual([]);
      expect(lines.filter((line) => /^(DRIFT|OK|INCOMPLETE): /.test(line))).toEqual([lines[0]]);
      expect(text.length).toBeLessThan(60_000);
      expect(text).not.toContain(API_TOKEN);
    }
    const shown = shownAs(hostile);
    if (shown) expect(formatReport(report, "text")).toContain(shown);
  });

  it.each(cases)("in Markdown, $name renders as text: no HTML, link, image or extra cell from the server", ({ name }) => {
    const report = reports.get(name)!;
    const markdown = formatReport(report, "markdown");
    expect(rawControls(markdown)).toEqual([]);
    const tokens = markdownTokens(markdown);
    const html = tokens.filter((t) => t.type === "html_block" || t.type === "html_inline").map((t) => t.content);
    expect(html).toEqual(["<details><summary>Reproduce</summary>\n", "</details>\n"]);
    expect(tokens.filter((t) => ["image", "link_open", "code_block"].includes(t.type))).toEqual([]);
    const fences = tokens.filter((t) => t.type === "fence");
    const repro = report.checks.filter((c) => c.error || c.violations.length);
    expect(fences.map((f) => [f.info, f.content.trimEnd().split("\n").length])).toEqual([["sh", repro.length]]);
    const rendered = renderMarkdown(markdown);
    const elements = new Set([...rendered.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
    expect([...elements].filter((e) => !["h3", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "details", "summary"].includes(e!))).toEqual([]);
    const rows = [...rendered.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh][ >]/g) ?? []).length);
    const violationRows = report.checks.reduce((n, c) => n + (c.error ? 1 : c.violations.length), 0);
    expect(rows).toEqual(Array(violationRows + 1).fill(5));
    expect(markdown).not.toContain(API_TOKEN);
  });

  it.each(cases)("in JUnit, $name leaves the XML well-formed, one testcase per check, no raw control", ({ name }) => {
    const report = reports.get(name)!;
    const xml = formatReport(report, "junit");
    const elements = parseXml(xml);
    expect(elements.filter((e) => e.name === "testcase")).toHaveLength(report.checks.length);
    const failures = elements.filter((e) => e.name === "failure");
    expect(String(failures.length)).toBe(elements.find((e) => e.name === "testsuites")!.attributes.failures);
    for (const failure of failures) {
      expect(rawControls(failure.attributes.message!)).toEqual([]);
      expect(rawControls(failure.text)).toEqual([]);
    }
    expect(rawControls(xml)).toEqual([]);
    expect(xml).not.toContain(API_TOKEN);
  });

  it.each(cases)("in JSON, $name keeps the report valid, lossless and free of raw controls", ({ name }) => {
    const report = reports.get(name)!;
    const json = formatReport(report, "json");
    const parsed = JSON.parse(json);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    validateReport(parsed);
    expect(validateReport.errors ?? []).toEqual([]);
    expect(rawControls(json)).toEqual([]);
    expect(json).not.toContain(API_TOKEN);
  });
});
