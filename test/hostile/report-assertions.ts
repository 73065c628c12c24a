// What every report format must hold whatever the server sent, checked on the text a consumer would read.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { expect } from "vitest";
import type { DriftFinding } from "../../src/findings/finding.ts";
import { escapeTerminal } from "../../src/report/escape-terminal.ts";
import { xmlText } from "../../src/report/escape-xml.ts";
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
  /^(|(DRIFT|OK|INCOMPLETE): .*|(KNOWN )?(BREAKING|ADDITIVE) \[[a-z-]+\] .*|NO RESPONSE .*|seed: \d+ \(check --seed \d+ makes the same choices\)|note: .*|skipped: .*| {2}(expected|seen in|repro:|fingerprint:) .*|coverage \d+(\.\d)?%: .*| {2}(list_logs|get_log) +(statuses|parameters|enums|unions|properties) {2}.*)$/;
const SUMMARY_LINE = /^(DRIFT|OK|INCOMPLETE): /;
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

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** XML text as a parser reads it back. */
const readBackXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);

/** Does this finding fail the run (and so its JUnit testcase)? */
const fails = (report: DriftReport, finding: DriftFinding) =>
  !finding.known && (finding.severity === "breaking" || report.strict);

const unanswered = (report: DriftReport) => report.exchanges.filter((exchange) => exchange.error !== undefined);

/**
 * The text report is made of our lines only: the summary line first and, when anything follows it, last; one entry
 * per finding (heading, expected, seen in, repro, fingerprint), in the report's order; one per request without response.
 */
export function expectSafeText(text: string, report: DriftReport, { color = false } = {}): void {
  expect(rawControls(text, { color })).toEqual([]);
  const lines = text
    .replace(/\u001b\[\d+m/g, "")
    .trimEnd()
    .split("\n");
  expect(lines.filter((line) => !TEXT_LINE.test(line))).toEqual([]);
  expect(lines.filter((line) => SUMMARY_LINE.test(line))).toEqual(lines.length > 1 ? [lines[0], lines[0]] : [lines[0]]);
  expect(lines.at(-1)).toBe(lines[0]);
  const headings = lines.flatMap((line, i) => (/^(KNOWN )?(BREAKING|ADDITIVE) \[/.test(line) ? [i] : []));
  expect(headings.map((i) => lines.slice(i + 1, i + 5).map((line) => line.split(" ", 3)[2]))).toEqual(
    report.findings.map(() => ["expected", "seen", "repro:", "fingerprint:"]),
  );
  expect(headings.map((i) => lines[i]!.match(/^(?:KNOWN )?(\w+) \[([a-z-]+)\]/)!.slice(1))).toEqual(
    report.findings.map((finding) => [finding.severity.toUpperCase(), finding.check]),
  );
  expect(lines.filter((line) => line.startsWith("  fingerprint: "))).toEqual(
    report.findings.map((finding) => `  fingerprint: ${finding.fingerprint}`),
  );
  expect(lines.filter((line) => line.startsWith("NO RESPONSE "))).toHaveLength(unanswered(report).length);
}

/**
 * Markdown renders to our elements only: one table row per finding (8 cells), one per request without response
 * (2 cells), and a fenced block of two lines per finding and per request without response (a comment and a curl).
 */
export function expectSafeMarkdown(markdown: string, report: DriftReport): void {
  expect(rawControls(markdown)).toEqual([]);
  const tokens = markdownTokens(markdown);
  const html = tokens.filter((t) => t.type === "html_block" || t.type === "html_inline").map((t) => t.content);
  const drifted = report.findings.length + unanswered(report).length > 0;
  expect(html).toEqual(drifted ? ["<details><summary>Reproduce</summary>\n", "</details>\n"] : []);
  expect(tokens.filter((t) => ["image", "link_open", "code_block"].includes(t.type))).toEqual([]);
  const fences = tokens.filter((t) => t.type === "fence");
  const repro = report.findings.length + unanswered(report).length;
  expect(fences.map((f) => [f.info, f.content.trimEnd().split("\n").length])).toEqual(
    drifted ? [["sh", 2 * repro]] : [],
  );
  if (drifted) {
    const comments = fences[0]!.content.split("\n").filter((line) => line.startsWith("#"));
    expect(comments.map((line) => line.match(/^# ([0-9a-f]{16}) /)?.[1] ?? line)).toEqual([
      ...report.findings.map((finding) => finding.fingerprint),
      ...unanswered(report).map((exchange) => escapeTerminal(`# no response: ${exchange.name}`)),
    ]);
  }
  const rendered = renderMarkdown(markdown);
  const elements = new Set([...rendered.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
  expect([...elements].filter((e) => !OUR_ELEMENTS.includes(e))).toEqual([]);
  const cellsPerRow = [...rendered.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
    (m) => (m[1]!.match(/<t[dh][ >]/g) ?? []).length,
  );
  const findingRows = report.findings.length > 0 ? Array(report.findings.length + 1).fill(8) : [];
  const noResponseRows = unanswered(report).length > 0 ? Array(unanswered(report).length + 1).fill(2) : [];
  // The coverage table: a header and a row per operation the run did not see all of, six cells each.
  const partly = Object.values(report.coverage.operations).filter(
    ({ statuses, parameters, enums, unions, properties }) =>
      [
        statuses,
        parameters,
        ...Object.values({ ...enums }),
        ...Object.values(unions),
        ...Object.values(properties),
      ].some((items) => items.seen.length < items.declared.length),
  ).length;
  const coverageRows = partly > 0 ? Array(partly + 1).fill(6) : [];
  expect(cellsPerRow).toEqual([...findingRows, ...noResponseRows, ...coverageRows]);
}

/**
 * JUnit parses, has one testcase per planned check and operation (the plan's order and names), one <failure> per
 * finding that fails the run (in its check's and operation's testcase, with the finding's message), an <error> where a
 * request got no response, <skipped> where nothing exercised the check, and counts that agree with its elements.
 */
export function expectSafeJunit(xml: string, report: DriftReport): void {
  const elements = parseXml(xml);
  const suites = elements.find((e) => e.name === "testsuites")!;
  expect(elements.filter((e) => e.name === "testsuite").map((e) => e.attributes.name)).toEqual(["video-logs check"]);
  expect(suites.attributes.name).toBe("video-logs check");
  const testcases = elements.filter((e) => e.name === "testcase");
  expect(testcases.map((e) => [e.attributes.classname, e.attributes.name])).toEqual(
    report.plan.map((planned) => [`video-logs.${planned.check}`, `${planned.check} ${planned.operation}`]),
  );
  const childrenOf = (name: string) =>
    testcases.map((testcase) => elements.filter((e) => e.name === name && elements[e.parent] === testcase));
  const failures = childrenOf("failure");
  expect(failures.map((list) => list.map((failure) => failure.attributes.message))).toEqual(
    report.plan.map((planned) =>
      report.findings
        .filter((f) => f.check === planned.check && f.operation === planned.operation && fails(report, f))
        .map((f) => readBackXml(xmlText(f.example.message))),
    ),
  );
  const errors = childrenOf("error");
  const skipped = childrenOf("skipped");
  expect(suites.attributes.tests).toBe(String(report.plan.length));
  expect(suites.attributes.failures).toBe(String(failures.filter((list) => list.length > 0).length));
  expect(suites.attributes.errors).toBe(String(errors.filter((list) => list.length > 0).length));
  expect(suites.attributes.skipped).toBe(String(skipped.filter((list) => list.length > 0).length));
  expect(errors.flat().length).toBeLessThanOrEqual(unanswered(report).length * report.plan.length);
  if (unanswered(report).length > 0) expect(errors.flat().length).toBeGreaterThan(0);
  skipped.forEach((list, i) => {
    if (list.length > 0) expect([report.plan[i]!.exercised, failures[i], errors[i]]).toEqual([false, [], []]);
  });
  for (const element of [...failures.flat(), ...errors.flat()]) {
    expect(rawControls(element.attributes.message!)).toEqual([]);
    expect(rawControls(element.text)).toEqual([]);
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
