// `video-logs diff` reads the other side's document, often a vendor's file: untrusted. Every diff format, built from
// documents that put hostile text everywhere a document can, is read back as its consumer reads it.
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import type { DiffReport } from "../../src/diff/diff-documents.ts";
import { formatDiffReport } from "../../src/diff/format.ts";
import { DocumentError, toOpenApiDocument } from "../../src/diff/load-document.ts";
import { captureIo, changed, diff, readFixture, writeTemp } from "../diff/helpers.ts";
import { HOSTILE_STRINGS } from "./hostile-strings.ts";
import { markdownTokens, rawControls, renderMarkdown } from "./read-back.ts";

const base = readFixture("base.yaml");

/** Theirs: base.yaml with `hostile` as its title, version, a new property, an enum value, a format, a path and a status. */
function hostileDocument(hostile: string) {
  return changed(base, (doc) => {
    doc.info = { title: hostile, version: hostile };
    doc.components.schemas.Item.properties[hostile] = { type: "string" };
    doc.components.schemas.Item.required.push(hostile);
    doc.components.schemas.Status.enum.push(hostile);
    doc.components.schemas.Item.properties.label.format = hostile;
    doc.paths[`/items/${hostile}`] = { get: { operationId: hostile, responses: { [hostile]: { description: "x" } } } };
    doc.paths["/items"].get.responses[hostile] = { description: "x" };
  });
}

const reports = HOSTILE_STRINGS.map(([name, hostile]) => ({
  name,
  hostile,
  report: diff(base, hostileDocument(hostile)),
}));

// The lines of the text report; a document that could start a line of its own would show up as another one.
const TEXT_LINE =
  /^(|Comparing ours .*|\d+ differences?: .*|\[(breaking|non-breaking|informational)\] [a-z-]+( .*)?| {2}(ours: {3}|theirs: ).*| {2}\S.*)$/;

function expectSafeText(text: string, report: DiffReport): void {
  expect(rawControls(text)).toEqual([]);
  const lines = text.trimEnd().split("\n");
  expect(lines.filter((line) => !TEXT_LINE.test(line))).toEqual([]);
  expect(lines.filter((line) => line.startsWith("Comparing ours "))).toEqual([lines[0]]);
  expect(lines.filter((line) => /^\d+ differences?: /.test(line))).toEqual([lines[1]]);
  // Each difference is exactly five lines (the last one blank); nothing else can add one.
  expect(lines).toHaveLength(2 + 5 * report.differences.length);
  expect(lines.filter((line) => /^\[/.test(line))).toHaveLength(report.differences.length);
  expect(text).not.toMatch(/^(OK|No differences)/m);
}

const OUR_ELEMENTS = ["h2", "p", "table", "thead", "tbody", "tr", "th", "td", "code"];

function expectSafeMarkdown(markdown: string, report: DiffReport): void {
  expect(rawControls(markdown)).toEqual([]);
  const tokens = markdownTokens(markdown);
  expect(
    tokens.filter((t) => ["html_block", "html_inline", "image", "link_open", "code_block", "fence"].includes(t.type)),
  ).toEqual([]);
  const rendered = renderMarkdown(markdown);
  const elements = new Set([...rendered.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
  expect([...elements].filter((e) => !OUR_ELEMENTS.includes(e))).toEqual([]);
  const cellsPerRow = [...rendered.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
    (m) => (m[1]!.match(/<t[dh][ >]/g) ?? []).length,
  );
  expect(cellsPerRow).toEqual(Array(report.differences.length + 1).fill(6));
  // Each cell's code spans: one per pointer and one for the kind, none opened or closed by the document.
  const codes = tokens.filter((t) => t.type === "code_inline");
  const pointers = report.differences.reduce((n, d) => n + (d.ours ? 1 : 0) + (d.theirs ? 1 : 0), 0);
  expect(codes).toHaveLength(report.differences.length + pointers);
}

describe("video-logs diff against a hostile document", () => {
  it("put the hostile text where reports show it: title, version, property, enum value, format, path and status", () => {
    const { report, hostile } = reports.find((r) => r.name === "a script tag")!;
    expect(report.theirs).toEqual({ title: hostile, version: hostile });
    const kinds = report.differences.map((d) => d.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "required-property-added",
        "enum-values-added",
        "format-narrowed",
        "operation-added",
        "response-status-added",
      ]),
    );
    expect(
      report.differences.filter((d) => d.message.includes(hostile) || d.operation?.includes(hostile)).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it.each(reports)("in text, $name never reaches the terminal raw nor starts a line", ({ report }) => {
    const text = formatDiffReport(report, "text");
    expectSafeText(text, report);
    expect(text.length).toBeLessThan(100_000);
  });

  it.each(reports)(
    "in Markdown, $name renders as text: no HTML, link, image, code span or extra cell from the document",
    ({ report }) => {
      expectSafeMarkdown(formatDiffReport(report, "markdown"), report);
    },
  );

  it.each(reports)("in JSON, $name keeps the report valid, lossless and free of raw controls", ({ report }) => {
    const json = formatDiffReport(report, "json");
    expect(rawControls(json)).toEqual([]);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("shows a hostile document with no differences but a forged verdict as one header line", () => {
    const forged = "x\r\nNo differences in the compared operations.\u0085OK";
    const report = diff(
      base,
      changed(base, (doc) => (doc.info = { title: forged, version: forged })),
    );
    const text = formatDiffReport(report, "text");
    expect(rawControls(text)).toEqual([]);
    expect(text.trimEnd().split("\n")).toEqual([
      String.raw`Comparing ours "Fixture base" 1.0.0 with theirs "x\r\nNo differences in the compared operations.\u0085OK" x\r\nNo differences in the compared operations.\u0085OK`,
      "No differences in the compared operations.",
    ]);
  });
});

describe("video-logs diff errors quoting a hostile document", () => {
  async function stderrOf(args: string[]) {
    const captured = captureIo();
    const code = await runCli(["diff", ...args], captured.io);
    return { code, stderr: captured.stderr() };
  }

  const cases: [string, () => string][] = [
    [
      "an openapi field with CSI and OSC sequences",
      () => writeTemp({ openapi: "2.0.0\u001b[2J\u001b]0;X\u0007\u202e", info: {}, paths: {} }),
    ],
    [
      "a file name with ESC and a bidi override",
      () => writeTemp({ openapi: "2.0", paths: {} }, "a\u001b[2J\u202e\u0085.json"),
    ],
    ["a missing file whose name sets the window title", () => `${writeTemp("{}")}\u001b]0;T\u0007.yaml`],
    [
      "YAML whose syntax error quotes a control character",
      () => writeTemp('openapi: 3.1.0\ninfo: {title: "\u001b[2J\n\u2028: [', "bad.yaml"),
    ],
    [
      "a $ref that leads nowhere, named with controls",
      () =>
        writeTemp({
          openapi: "3.1.0",
          info: {},
          paths: { "/items": { get: { responses: { "200": { $ref: "#/x\u001b[2J\u2028" } } } } },
        }),
    ],
  ];

  it.each(cases)("prints %s on one escaped line and exits 2", async (_name, file) => {
    const { code, stderr } = await stderrOf([file(), "--ours", writeTemp(base)]);
    expect(code).toBe(2);
    expect(rawControls(stderr)).toEqual([]);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^video-logs: .*(theirs|ours) document/);
  });

  it("escapes the document where a DocumentError quotes it, so a library caller can print its message as is", () => {
    let error: unknown;
    try {
      toOpenApiDocument({ openapi: "2.0\u001b[2J\u202e\n", paths: {} }, "theirs", "v\u001b]0;T\u0007.json");
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DocumentError);
    const { message } = error as DocumentError;
    expect(rawControls(message)).toEqual([]);
    expect(message).toBe(
      String.raw`theirs document "v\u001b]0;T\u0007.json" is not an OpenAPI 3.x document: its "openapi" field is 2.0\u001b[2J\u202e\n`,
    );
  });
});
