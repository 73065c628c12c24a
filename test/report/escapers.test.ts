// The four sinks' escaping functions, for any text: nothing invisible survives and the reader gets the text back.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { safeJson } from "../../src/report/escape-json.ts";
import { markdownCodeCell, markdownFence, markdownText } from "../../src/report/escape-markdown.ts";
import { escapeTerminal, MAX_FIELD_CHARS } from "../../src/report/escape-terminal.ts";
import { xmlText } from "../../src/report/escape-xml.ts";

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const NONCHARACTER =
  /[\ufdd0-\ufdef\ufffe\uffff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/u;
const SPECIAL = [
  ..."\u0000\u0007\b\t\n\v\f\r\u001b\u007f\u0085\u009b\u009c\u009d\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069\ufeff\ufffe\uffff\ud800\udfff`|\\<>&\"'[]()!*_#~:",
];

/** Text as a hostile server might send it: any UTF-16 unit (lone surrogates too), any code point, and the usual suspects. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...SPECIAL, "\u{e0001}", "\u{1fffe}", "```", "<img src=x onerror=alert(1)>"),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
  ),
  maxLength: 40,
});
const markdown = new MarkdownIt({ html: true });
const RUNS = { numRuns: 500 };

/** The text of the table cells markdown-it reads from one row: [cell texts, tokens that are not text]. */
function readRow(row: string): { cells: string[]; other: string[] } {
  const tokens = markdown.parse(`| a | b |\n|---|---|\n${row}\n`, {});
  const cells: string[] = [];
  const other: string[] = [];
  let inBody = false;
  for (const token of tokens) {
    if (token.type === "tbody_open") inBody = true;
    if (!inBody || token.type !== "inline") continue;
    cells.push(token.children!.map((child) => child.content).join(""));
    other.push(
      ...token.children!.filter((child) => !["text", "code_inline"].includes(child.type)).map((child) => child.type),
    );
  }
  return { cells, other };
}

describe("escaping server text for each sink", () => {
  it("for a terminal, leaves no control, format or separator character and keeps plain text as it is", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = escapeTerminal(text);
        expect(shown).not.toMatch(INVISIBLE);
        if (!INVISIBLE.test(text)) expect(shown).toBe(text);
      }),
      RUNS,
    );
    expect(escapeTerminal("\u001b]0;x\u0007\r\n\t\u009b\u{e0001}")).toBe(
      "\\u001b]0;x\\u0007\\r\\n\\t\\u009b\\u{e0001}",
    );
  });

  it("for a terminal, cuts a field longer than the bound and says so", () => {
    const shown = escapeTerminal("A".repeat(100_000));
    expect(shown.startsWith("A".repeat(MAX_FIELD_CHARS))).toBe(true);
    expect(shown).toMatch(/… \(cut, 100000 characters in all\)$/);
  });

  it("for JSON, parses back to the same value and shows nothing invisible outside its own line breaks", () => {
    fc.assert(
      fc.property(
        fc.dictionary(hostileText, fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 }))),
        (value) => {
          for (const indent of [undefined, 2]) {
            const json = safeJson(value, indent);
            expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
            expect(json.replace(/\n/g, "")).not.toMatch(INVISIBLE);
          }
        },
      ),
      RUNS,
    );
  });

  it("for XML, stays well-formed in content and attributes, and reads back the same in both", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = xmlText(text);
        const parser = new SaxesParser();
        let attribute: string | undefined;
        let content = "";
        parser.on("error", (error) => {
          throw error;
        });
        parser.on("opentag", (tag) => (attribute = tag.attributes.a as string));
        parser.on("text", (t) => (content += t));
        parser.write(`<?xml version="1.0"?><e a="${escaped}" b='${escaped}'>${escaped}</e>`).close();
        expect(content).toBe(attribute);
        expect(content).not.toMatch(INVISIBLE);
        if (!INVISIBLE.test(text) && !NONCHARACTER.test(text)) expect(content).toBe(text);
      }),
      RUNS,
    );
  });

  it("for a Markdown table cell, renders as exactly the terminal-escaped text: no markup, one cell", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const { cells, other } = readRow(`| ${markdownText(text)} | ${markdownCodeCell(text)} |`);
        expect(other).toEqual([]);
        expect(cells).toEqual([escapeTerminal(text).trim(), escapeTerminal(text)]);
      }),
      RUNS,
    );
  });

  it("for a Markdown code block, no line can close the fence or add a line", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 4 }), (lines) => {
        const tokens = markdown.parse(markdownFence(lines, "sh").join("\n"), {});
        expect(tokens.map((t) => t.type)).toEqual(["fence"]);
        expect(tokens[0]!.content).toBe(`${lines.map(escapeTerminal).join("\n")}\n`);
      }),
      RUNS,
    );
  });
});
