// A secret as base64 writes it, in the standard and the URL-safe alphabet: alone (padded or not), and inside longer
// base64 text, where its bytes may start at any of the three byte offsets of a base64 group. A server that echoes a
// request's Bearer token base64-encoded, or a header holding `user:password` among other bytes, spells it so.
import { MIN_SECRET_LENGTH } from "./secrets-redactor.ts";

const ALPHABETS = ["base64", "base64url"] as const;

/**
 * The base64 spellings of a secret: the whole encoding (with and without padding, in each alphabet), and for each
 * byte offset 0, 1 and 2 the characters that only the secret's bytes decide. At offset k, character i holds bits
 * 6i to 6i+6 of the text; the secret's bits run from 8k to 8(k+n), so the characters from ⌈8k/6⌉ to ⌊8(k+n)/6⌋ are its
 * own, whatever bytes surround it. The one or two characters at each edge, shared with the neighbours, stay.
 */
export function base64Spellings(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const spellings = new Set<string>();
  const padded = bytes.toString("base64");
  spellings.add(padded);
  spellings.add(padded.replace(/=+$/, ""));
  spellings.add(bytes.toString("base64url"));
  for (let offset = 0; offset < 3; offset++) {
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
    const start = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    for (const alphabet of ALPHABETS) spellings.add(shifted.toString(alphabet).slice(start, end));
  }
  return [...spellings].filter((spelling) => spelling.length >= MIN_SECRET_LENGTH);
}

/**
 * The secrets long enough to redact (see MIN_SECRET_LENGTH), each followed by its base64 spellings. A secret too
 * short to redact on its own is dropped with its spellings: `c3RhdHVz` is the word `status`.
 */
export function withBase64Spellings(secrets: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    all.add(secret);
    for (const spelling of base64Spellings(secret)) all.add(spelling);
  }
  return [...all];
}
