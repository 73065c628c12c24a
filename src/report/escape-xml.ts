// The XML sink: text that keeps a JUnit file well-formed whatever the server sent.
import { escapeTerminal, visibleEscape } from "./escape-terminal.ts";

// After escapeTerminal, what is left outside XML 1.0's Char production (§2.2) is U+FFFE and U+FFFF. The other
// noncharacters (U+FDD0–U+FDEF and every U+xFFFE/U+xFFFF) are allowed but discouraged, and are escaped alike.
const MAYBE_NONCHARACTER = /[\ufdd0-\ufdef\ufffe\uffff\u{1fffe}-\u{10ffff}]/gu;
const isNoncharacter = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
};
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for an element's content or a quoted attribute value. */
export function xmlText(text: string): string {
  return escapeTerminal(text)
    .replace(MAYBE_NONCHARACTER, (char) => (isNoncharacter(char) ? visibleEscape(char) : char))
    .replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
