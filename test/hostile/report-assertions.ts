// What every report format must hold whatever the server sent, checked on the text a consumer would read.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { expect } from "vitest";
import type { DriftReport } from "../../src/report/report-types.ts";
import { markdownTokens, parseXml, rawControls, renderMarkdown } from "./read-back.ts";

const addFormats = addFormatsModule.default.default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateReport = ajv.compile(
  JSON.parse(readFileSync(new URL("../../schemas/drift-report.schema.json", import.meta.url), "utf8")),
);

// The lines the text report is made of; a server that could start a line of its own would show up as another one.
const TEXT_LINE =
  /^(|(DRIFT|OK|INCOMPLETE): .*|(BREAKING|ADDITIVE) \[[a-z-]+\] .*|NO RESPONSE .*|note: .*|skipped: .*| {2}(expected|request:|repro:) .*)$/;
const OUR_ELEMENTS = [
  "h3",
  "p",
  "ul",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "code",
  "pre",
  "details",
  "summary",
];

export function expectSafeText(text: string, { color = false } = {}): void {
  expect(rawControls(text, { color })).toEqual([]);
  const lines = text
    .replace(/\u001b\[\d+m/g, "")
    .trimEnd()
    .split("\n");
  expect(lines.filter((line) => !TEXT_LINE.test(line))).toEqual([]);
  expect(lines.filter((line) => /^(DRIFT|OK|INCOMPLETE): /.test(line))).toEqual([lines[0]]);
}

export function expectSafeMarkdown(markdown: string, report: DriftReport): void {
  expect(rawControls(markdown)).toEqual([]);
  const tokens = markdownTokens(markdown);
  const html = tokens.filter((t) => t.type === "html_block" || t.type === "html_inline").map((t) => t.content);
  expect(html).toEqual(["<details><summary>Reproduce</summary>\n", "</details>\n"]);
  expect(tokens.filter((t) => ["image", "link_open", "code_block"].includes(t.type))).toEqual([]);
  const repro = report.exchanges.filter((c) => c.error || c.violations.length);
  const fences = tokens.filter((t) => t.type === "fence");
  expect(fences.map((f) => [f.info, f.content.trimEnd().split("\n").length])).toEqual([["sh", repro.length]]);
  const rendered = renderMarkdown(markdown);
  const elements = new Set([...rendered.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
  expect([...elements].filter((e) => !OUR_ELEMENTS.includes(e))).toEqual([]);
  const cellsPerRow = [...rendered.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
    (m) => (m[1]!.match(/<t[dh][ >]/g) ?? []).length,
  );
  const violationRows = report.exchanges.reduce((n, c) => n + (c.error ? 1 : c.violations.length), 0);
  expect(cellsPerRow).toEqual(Array(violationRows + 1).fill(6));
}

export function expectSafeJunit(xml: string, report: DriftReport): void {
  const elements = parseXml(xml);
  expect(elements.filter((e) => e.name === "testcase")).toHaveLength(report.exchanges.length);
  const failures = elements.filter((e) => e.name === "failure");
  expect(String(failures.length)).toBe(elements.find((e) => e.name === "testsuites")!.attributes.failures);
  for (const failure of failures) {
    expect(rawControls(failure.attributes.message!)).toEqual([]);
    expect(rawControls(failure.text)).toEqual([]);
  }
  expect(rawControls(xml)).toEqual([]);
}

/** Returns the parsed report. */
export function expectSafeJson(json: string): DriftReport {
  const parsed = JSON.parse(json) as DriftReport;
  validateReport(parsed);
  expect(validateReport.errors ?? []).toEqual([]);
  expect(rawControls(json)).toEqual([]);
  return parsed;
}
