// The fenced code blocks of the README and of docs/, with the HTML comment that may stand on the line before each:
// `<!-- not run: why -->`, `<!-- sample: path -->` (an output whose lines come from that file) or
// `<!-- tested by: path -->` (a suite that runs it and names it).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface CodeBlock {
  /** The page, relative to the repository root. */
  page: string;
  /** The line of the opening fence, from 1. */
  line: number;
  lang: string;
  marker?: { kind: "not run" | "sample" | "tested by"; value: string };
  body: string;
}

const MARKER = /^<!--\s*(not run|sample|tested by):\s*(.*?)\s*-->$/;

/** Every fenced block of one Markdown text, in order. A fence opens at the start of a line with three backticks. */
export function codeBlocks(page: string, text: string): CodeBlock[] {
  const lines = text.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && /^ {0,3}```\s*$/.test(line));
    if (end < 0) throw new Error(`${page}:${i + 1}: a code block is never closed`);
    const marker = MARKER.exec(lines[i - 1]?.trim() ?? "");
    blocks.push({
      page,
      line: i + 1,
      lang: open[1]!,
      ...(marker ? { marker: { kind: marker[1] as "not run", value: marker[2]! } } : {}),
      body: lines.slice(i + 1, end).join("\n"),
    });
    i = end;
  }
  return blocks;
}

/** The README and every page of docs/ (what the package ships), README first. */
export function documentedPages(root: string): string[] {
  const docs = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...docs];
}

export function pageBlocks(root: string, page: string): CodeBlock[] {
  return codeBlocks(page, readFileSync(join(root, page), "utf8"));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The relative links of a page that lead nowhere: a missing file, or an anchor no heading of its page has. */
export function deadLinks(root: string, page: string): string[] {
  const text = readFileSync(join(root, page), "utf8");
  const anchorsOf = (file: string) =>
    new Set([...readFileSync(file, "utf8").matchAll(/^#{1,6} (.+)$/gm)].map((match) => headingAnchor(match[1]!)));
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .filter((target) => {
      const [path, anchor] = target.split("#");
      const file = path ? join(root, dirname(page), path) : join(root, page);
      if (!existsSync(file)) return true;
      return anchor !== undefined && file.endsWith(".md") && !anchorsOf(file).has(anchor);
    });
}

/** The shell lines of a block: comments and blank lines dropped, `\` continuations joined. */
export function shellLines(body: string): string[] {
  return body
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
