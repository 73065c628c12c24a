// The body bytes of a recorded response: `content.text` as UTF-8, or decoded from base64 when `content.encoding` says
// so. Bounded like the client's body limit, measured before anything is decoded.
import type { HarContent } from "./har-types.ts";

export type EntryBody =
  | { kind: "bytes"; bytes: Uint8Array }
  /** Larger than the limit: judged as the client judges a body past maxBodyBytes. */
  | { kind: "too-large" }
  /** Nothing to judge, and why. */
  | { kind: "unreadable"; reason: string };

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function entryBody(content: HarContent, maxBodyBytes: number): EntryBody {
  const { text, encoding } = content;
  if (text === undefined) return { kind: "unreadable", reason: "the recording holds no body for it (no content.text)" };
  if (encoding === undefined || encoding === "") {
    if (Buffer.byteLength(text, "utf8") > maxBodyBytes) return { kind: "too-large" };
    return { kind: "bytes", bytes: Buffer.from(text, "utf8") };
  }
  if (encoding.toLowerCase() !== "base64") {
    return {
      kind: "unreadable",
      reason: `content.encoding ${JSON.stringify(encoding.slice(0, 40))} is not one this check reads (base64, or none for text)`,
    };
  }
  // Recorders may wrap base64 in lines; either alphabet, padding optional. Buffer.from would skip any other
  // character silently and judge bytes the server never sent.
  const compact = text.replace(/[\t\n\r ]+/g, "");
  if (!BASE64.test(compact) || compact.length % 4 === 1)
    return { kind: "unreadable", reason: "content.text is not valid base64 (content.encoding is base64)" };
  const unpadded = compact.replace(/=+$/, "").length;
  if (Math.floor((unpadded * 3) / 4) > maxBodyBytes) return { kind: "too-large" };
  return { kind: "bytes", bytes: Buffer.from(compact, "base64") };
}
