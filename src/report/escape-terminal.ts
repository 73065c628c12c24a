// The terminal sink: server text shown with every control, format and separator character as a visible escape.

/** Longest stretch of one server-sent field that a human-readable report shows; the rest is cut. */
export const MAX_FIELD_CHARS = 2048;

// Cc (C0, DEL, C1 such as U+009B CSI), Cf (bidi overrides and isolates, U+200E/F, U+061C, zero-width and tag
// characters), Cs (a lone surrogate) and the Unicode line and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;
const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The escape we print for one code point: `\n`, `\r`, `\t`, `\u009b`, or `\u{e0001}` beyond the BMP. */
export function visibleEscape(char: string): string {
  const code = char.codePointAt(0)!;
  return SHORT[char] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`);
}

/** Cuts an untrusted field to {@link MAX_FIELD_CHARS} UTF-16 units, marking the cut. */
export function boundField(text: string): string {
  return text.length > MAX_FIELD_CHARS
    ? `${text.slice(0, MAX_FIELD_CHARS)}… (cut, ${text.length} characters in all)`
    : text;
}

/**
 * Makes text from a server safe to print on one line of a terminal: nothing in it can move the cursor, change
 * colours, set the window title, reorder the text around it or start a new line. Bounded in length.
 */
export function escapeTerminal(text: string): string {
  return boundField(String(text)).replace(INVISIBLE, visibleEscape);
}
