// Where JSON text repeats a key inside one object, as a JSON pointer. JSON.parse keeps the last of two equal keys,
// so a recording could hide what the first holds (an entry's `headers`, its Authorization among them) from the check
// that collects its credentials, while a server's echo of them reaches the report. Called on text JSON.parse has
// accepted: one pass, no values built, an explicit stack (any depth is safe), a set of names per open object only.
import { escapeToken } from "../../openapi/json-pointer.ts";

/** One open container: an object's names so far and the current one, or an array's current index. */
type Frame = { names: Set<string>; name: string | undefined; wantName: boolean } | { index: number };

const SPACE = new Set([" ", "\t", "\n", "\r"]);
/** What ends a number or a literal. */
const VALUE_END = /[\s,\]}]/g;

/** `~` and `/` escaped as a JSON pointer token writes them. */

/** The index just past the string whose opening quote is at `start` (the text is valid JSON). */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    let backslash = quote - 1;
    while (text.charCodeAt(backslash) === 0x5c) backslash--;
    // An even run of backslashes before the quote escapes itself, not the quote.
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

function pointerTo(stack: readonly Frame[], name: string): string {
  const tokens = stack.slice(0, -1).map((frame) => ("index" in frame ? String(frame.index) : frame.name!));
  return [...tokens, name].map((token) => `/${escapeToken(token)}`).join("");
}

/** The pointer of the first key that repeats one before it in the same object (`/log/entries/0/request/headers`). */
export function duplicateKeyPointer(text: string): string | undefined {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack.at(-1);
    if (SPACE.has(c) || c === ":") i++;
    else if (c === "{") {
      stack.push({ names: new Set(), name: undefined, wantName: true });
      i++;
    } else if (c === "[") {
      stack.push({ index: 0 });
      i++;
    } else if (c === "}" || c === "]") {
      stack.pop();
      i++;
    } else if (c === ",") {
      if (top && "index" in top) top.index++;
      else if (top) top.wantName = true;
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (top && "names" in top && top.wantName) {
        const raw = text.slice(i + 1, end - 1);
        // Names are compared as JSON.parse reads them: `"a"` and `"\u0061"` are one name.
        const name = raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw;
        if (top.names.has(name)) return pointerTo(stack, name);
        top.names.add(name);
        top.name = name;
        top.wantName = false;
      }
      i = end;
    } else {
      VALUE_END.lastIndex = i;
      i = VALUE_END.exec(text)?.index ?? text.length;
    }
  }
  return undefined;
}
