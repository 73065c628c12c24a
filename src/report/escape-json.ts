// The JSON sink: valid JSON whose text is also safe to show on a terminal, with the same value as JSON.stringify's.

// JSON.stringify already escapes C0 and lone surrogates; it leaves DEL, C1, Cf and U+2028/9 raw. In its output those
// can only stand inside strings, where a \u escape denotes the same character.
const RAW_IN_STRINGS = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

function jsonEscape(char: string): string {
  let escaped = "";
  for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return escaped;
}

/** `JSON.stringify(value, null, indent)` with every invisible character escaped; parses back to the same value. */
export function safeJson(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? "null").replace(RAW_IN_STRINGS, jsonEscape);
}
