// The Markdown sink: server text that renders as itself, never as HTML, a link, an image, emphasis or a table break.
import { escapeTerminal } from "./escape-terminal.ts";

// CommonMark lets a backslash escape any ASCII punctuation; escaping all of it leaves no markup to start.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Plain text for a paragraph or a table cell. */
export function markdownText(text: string): string {
  return escapeTerminal(text).replace(PUNCTUATION, (char) => `\\${char}`);
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/**
 * A code span inside a table cell: fenced by more backticks than the content holds, padded so a leading or trailing
 * backtick stays content, and with `|` escaped, which GFM requires even inside code in a table.
 */
export function markdownCodeCell(text: string): string {
  const content = escapeTerminal(text).replace(/\|/g, "\\|");
  if (content === "") return ""; // no code span can be empty
  const fence = "`".repeat(longestBacktickRun(content) + 1);
  // CommonMark strips one space from each end when both ends have one; a backtick at an end would join the fence.
  const pad = /^`|`$/.test(content) || (/^ [\s\S]* $/.test(content) && /[^ ]/.test(content)) ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A fenced code block whose fence no line can close; each line is escaped, so none can add a line either. */
export function markdownFence(lines: string[], info = ""): string[] {
  const escaped = lines.map(escapeTerminal);
  const fence = "`".repeat(Math.max(3, ...escaped.map((line) => longestBacktickRun(line) + 1)));
  return [`${fence}${info}`, ...escaped, fence];
}
