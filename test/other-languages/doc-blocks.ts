// The command blocks of a Markdown page, in page order: each ```sh block to run, each ```js block that names its file
// on its first line (`// orval.config.mjs`) to write, and each block marked `<!-- not run: why -->` on the line above
// it, with why.
export interface DocBlock {
  /** `run`: a shell block; `file`: a file the page has the reader write; `skipped`: marked not run. */
  kind: "run" | "file" | "skipped";
  lang: string;
  body: string;
  /** The line of the page the block starts on (its fence), from 1. */
  line: number;
  /** For a file block, its name; for a skipped block, why it is not run. */
  detail?: string;
}

const FENCE = /^```(\w*)\n([\s\S]*?)^```$/gm;
const NOT_RUN = /<!-- not run: (.+?) -->\s*$/;
const FILE_NAME = /^\/\/ ([\w.-]+\.m?js)\n/;

export function docBlocks(page: string): DocBlock[] {
  return [...page.matchAll(FENCE)].flatMap((match): DocBlock[] => {
    const [, lang = "", body = ""] = match;
    const before = page.slice(0, match.index);
    const line = before.split("\n").length;
    const skip = NOT_RUN.exec(before.trimEnd().split("\n").at(-1) ?? "");
    if (skip) return [{ kind: "skipped", lang, body, line, detail: skip[1] }];
    if (lang === "sh") return [{ kind: "run", lang, body, line }];
    const file = lang === "js" ? FILE_NAME.exec(body) : null;
    return file ? [{ kind: "file", lang, body, line, detail: file[1] }] : [];
  });
}
