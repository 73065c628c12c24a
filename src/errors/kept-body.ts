// How much of a response body an error keeps: small bodies whole, large ones as their first part, marked as cut.

/** An error keeps the parsed body only when the raw body is at most this many bytes. */
export const MAX_KEPT_BODY_BYTES = 64 * 1024;
/** How many characters of a body's text an error keeps when it does not keep the body whole. */
export const MAX_ERROR_BODY_CHARS = 4096;

/** The first part of a body too large (or not JSON and too long) to keep whole on an error. */
export interface TruncatedBody {
  truncated: true;
  /** The body's first {@link MAX_ERROR_BODY_CHARS} characters (decoded leniently). */
  text: string;
  /** The size of the whole body in bytes. */
  bytes: number;
}

/** What an error's `body` holds: the parsed JSON body, a short non-JSON text whole, or a {@link TruncatedBody}. */
export type KeptBody<Body = unknown> = Body | string | TruncatedBody;

export function isTruncatedBody(body: unknown): body is TruncatedBody {
  return typeof body === "object" && body !== null && (body as TruncatedBody).truncated === true && typeof (body as TruncatedBody).text === "string";
}

const LENIENT_UTF8 = new TextDecoder();

/**
 * What an error keeps of a body: the parsed JSON value (`parsed`, or parsed here) when the body is at most
 * {@link MAX_KEPT_BODY_BYTES}; a short non-JSON text whole; otherwise its first characters, marked as cut. Only the
 * kept part is ever decoded.
 */
export function keptBody(bytes: Uint8Array, parsed?: { body: unknown }): KeptBody {
  if (bytes.byteLength <= MAX_KEPT_BODY_BYTES) {
    if (parsed) return parsed.body;
    const text = LENIENT_UTF8.decode(bytes);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      if (text.length <= MAX_ERROR_BODY_CHARS) return text;
    }
  }
  // Four bytes per character at most: this prefix always holds the characters kept.
  const head = LENIENT_UTF8.decode(bytes.subarray(0, MAX_ERROR_BODY_CHARS * 4)).slice(0, MAX_ERROR_BODY_CHARS);
  return { truncated: true, text: head, bytes: bytes.byteLength };
}
