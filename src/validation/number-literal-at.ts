// The number literal a JSON text holds at a pointer, as written. JSON.parse turns a literal beyond double range (1e400)
// into Infinity; a report quotes what the server actually sent.
import { escapeToken } from "../openapi/json-pointer.ts";

type Frame = { array: true; index: number } | { array: false; key: string | undefined; expectingKey: boolean };

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

/**
 * The literal of the number value at `pointer` in the JSON `text`, or undefined when the text holds no number there
 * (or is not well-formed JSON). With duplicate keys the last one wins, as with JSON.parse. Iterative: any depth is fine.
 */
export function numberLiteralAt(text: string, pointer: string): string | undefined {
  const target = pointer === "" ? [] : pointer.slice(1).split("/");
  const stack: Frame[] = [];
  const tokenOf = (frame: Frame): string => (frame.array ? String(frame.index) : escapeToken(frame.key ?? ""));
  const isAtTarget = (): boolean =>
    stack.length === target.length && stack.every((frame, i) => tokenOf(frame) === target[i]);
  let found: string | undefined;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const top = stack[stack.length - 1];
    if (char === '"') {
      const end = endOfString(text, i);
      if (top && !top.array && top.expectingKey) {
        try {
          top.key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          return undefined;
        }
      }
      i = end;
    } else if (char === "{") {
      stack.push({ array: false, key: undefined, expectingKey: true });
      i++;
    } else if (char === "[") {
      stack.push({ array: true, index: 0 });
      i++;
    } else if (char === "}" || char === "]") {
      stack.pop();
      i++;
    } else if (char === ":") {
      if (top && !top.array) top.expectingKey = false;
      i++;
    } else if (char === ",") {
      if (top?.array) top.index++;
      else if (top) top.expectingKey = true;
      i++;
    } else if (char === "-" || (char >= "0" && char <= "9")) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) return undefined;
      if (isAtTarget()) found = match[0];
      i = NUMBER.lastIndex;
    } else {
      i++; // whitespace, true, false, null
    }
  }
  return found;
}
