// How much of a response body an error keeps: small bodies whole, large ones as their first part, marked as cut.
import type { Redactor } from "../redaction/redactor.ts";

/** An error keeps the parsed body only when the raw body is at most this many bytes. */
export const MAX_KEPT_BODY_BYTES = 64 * 1024;
/** How many characters of a body's text an error keeps when it does not keep the body whole. */
export const MAX_ERROR_BODY_CHARS = 4096;
/** A parsed body nested deeper than this is kept as text: `JSON.stringify(error)` must not overflow the stack. */
export const MAX_KEPT_BODY_DEPTH = 256;

/** The first part of a body too large (or not JSON and too long) to keep whole on an error. */
export interface TruncatedBody {
  truncated: true;
  /** The body's first {@link MAX_ERROR_BODY_CHARS} characters (decoded leniently), the credentials removed before the cut. */
  text: string;
  /** The size of the whole body in bytes. */
  bytes: number;
}

/** What an error's `body` holds: the parsed JSON body, a short non-JSON text whole, or a {@link TruncatedBody}. */
export type KeptBody<Body = unknown> = Body | string | TruncatedBody;

export function isTruncatedBody(body: unknown): body is TruncatedBody {
  return (
    typeof body === "object" &&
    body !== null &&
    (body as TruncatedBody).truncated === true &&
    typeof (body as TruncatedBody).text === "string"
  );
}

const LENIENT_UTF8 = new TextDecoder();

/**
 * What an error keeps of a body: the parsed JSON value (`parsed`, or parsed here) when the body is at most
 * {@link MAX_KEPT_BODY_BYTES}; a short non-JSON text whole; otherwise its first characters, marked as cut. Only the
 * kept part is ever decoded.
 */
export function keptBody(bytes: Uint8Array, redactor: Redactor, parsed?: { body: unknown }): KeptBody {
  if (bytes.byteLength <= MAX_KEPT_BODY_BYTES) {
    if (parsed) {
      if (nestedWithin(parsed.body, MAX_KEPT_BODY_DEPTH)) return parsed.body;
    } else {
      const text = LENIENT_UTF8.decode(bytes);
      try {
        const body = JSON.parse(text) as unknown;
        if (nestedWithin(body, MAX_KEPT_BODY_DEPTH)) return body;
      } catch {
        if (text.length <= MAX_ERROR_BODY_CHARS) return text;
      }
    }
  }
  // The credentials go before the cut: the redactor reads past the cut as far as a spelling of a secret reaches.
  const head = redactor.cut(LENIENT_UTF8.decode(bytes), MAX_ERROR_BODY_CHARS).text;
  return { truncated: true, text: head, bytes: bytes.byteLength };
}

/** True when no array or object in `value` sits deeper than `limit` levels; iterative, so any depth is safe. */
function nestedWithin(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth > limit) return false;
    for (const item of Object.values(current)) stack.push([item, depth + 1]);
  }
  return true;
}
