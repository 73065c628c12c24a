// Where JSON text first stops being JSON, as line and column. JSON.parse's own message on Node 20 quotes the text
// around the error and gives no position; a recording's text may hold credentials, so we find the place ourselves.
// Called only after JSON.parse has failed; one pass, no values built, an explicit stack (any depth is safe).

export interface JsonSyntaxError {
  /** 0-based offset in UTF-16 units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters (UTF-16 units) from the start of the line. */
  column: number;
  /** True when the text ended while a value was still open. */
  atEnd: boolean;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const LITERALS = ["true", "false", "null"];

/** The first offset at which `text` is not JSON, or undefined when it is. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const offset = firstBadOffset(text);
  if (offset === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1, atEnd: offset >= text.length };
}

/**
 * Why `text`, which JSON.parse refused, is not JSON, for a message: what went wrong and where (line and column), quoting
 * none of the text.
 */
export function describeJsonSyntaxError(text: string): { what: string; where: string | undefined } {
  const at = jsonSyntaxError(text);
  return {
    what: at?.atEnd ? "the file ends before the JSON does" : "unexpected character",
    where: at ? `line ${at.line}, column ${at.column}` : undefined,
  };
}

function firstBadOffset(text: string): number | undefined {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  /** Moves past a string starting at `i`; false (with `i` at the fault) when it is not one. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return true;
      }
      if (code < 0x20) return false;
      if (code === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return false;
        i = ESCAPE.lastIndex;
      } else i++;
    }
    return false;
  };
  /** Moves past `"name":` and the space after it. */
  const member = (): boolean => {
    if (!string()) return false;
    skipSpace();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };
  const open: string[] = [];
  let wantValue = true;
  for (;;) {
    skipSpace();
    if (wantValue) {
      const c = text[i];
      if (c === "{" || c === "[") {
        i++;
        skipSpace();
        if (text[i] === (c === "{" ? "}" : "]")) {
          i++;
          wantValue = false;
        } else {
          open.push(c);
          if (c === "{" && !member()) return i;
        }
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
      } else {
        NUMBER.lastIndex = i;
        const literal = LITERALS.find((word) => text.startsWith(word, i));
        if (literal) i += literal.length;
        else if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else return i;
      }
      wantValue = false;
      continue;
    }
    const top = open.at(-1);
    if (top === undefined) return i < text.length ? i : undefined;
    if (text[i] === ",") {
      i++;
      skipSpace();
      if (top === "{" && !member()) return i;
      wantValue = true;
    } else if (text[i] === (top === "{" ? "}" : "]")) {
      i++;
      open.pop();
    } else return i;
  }
}
