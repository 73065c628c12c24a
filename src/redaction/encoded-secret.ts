// A secret as base64 writes it, in the standard and the URL-safe alphabet: alone (padded or not), and inside longer
// base64 text, where its bytes may start at any of the three byte offsets of a base64 group. A server that echoes a
// request's Bearer token base64-encoded, or a header holding `user:password` among other bytes, spells it so.
import { MIN_SECRET_LENGTH } from "./secrets-redactor.ts";

const ALPHABETS = ["base64", "base64url"] as const;

/** A secret's base64, as one value and inside longer base64 text. */
export interface Base64Spellings {
  /** The whole encoding, with and without padding, in each alphabet: a value a server may re-encode in any spelling. */
  whole: string[];
  /**
   * For each byte offset 0, 1 and 2, and each alphabet, the characters that only the secret's bytes decide. At offset
   * k, character i holds bits 6i to 6i+6 of the text; the secret's bits run from 8k to 8(k+n), so the characters from
   * ⌈8k/6⌉ to ⌊8(k+n)/6⌋ are its own, whatever bytes surround it. The one or two characters at each edge, shared with
   * the neighbours, stay.
   */
  inside: string[];
}

/** The base64 spellings of a secret (at least MIN_SECRET_LENGTH long). */
export function base64Spellings(secret: string): Base64Spellings {
  const bytes = Buffer.from(secret, "utf8");
  const padded = bytes.toString("base64");
  const whole = new Set([padded, padded.replace(/=+$/, ""), bytes.toString("base64url")]);
  const inside = new Set<string>();
  for (let offset = 0; offset < 3; offset++) {
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
    const start = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    for (const alphabet of ALPHABETS) inside.add(shifted.toString(alphabet).slice(start, end));
  }
  // A secret of MIN_SECRET_LENGTH bytes has base64 spellings of 10 characters or more: none too short to redact.
  return { whole: [...whole], inside: [...inside].filter((s) => !whole.has(s)) };
}

/** Secrets for createSecretsRedactor: those matched in every spelling, and those inside longer base64 text. */
export interface EncodedSecrets {
  secrets: string[];
  inBase64Text: string[];
}

/**
 * The secrets long enough to redact (see MIN_SECRET_LENGTH) with their whole base64 encodings, and apart, their base64
 * inside longer base64 text. A secret too short to redact on its own is dropped with its spellings: `c3RhdHVz` is the
 * word `status`.
 */
export function withBase64Spellings(secrets: Iterable<string>): EncodedSecrets {
  const all = new Set<string>();
  const inBase64Text = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    all.add(secret);
    const { whole, inside } = base64Spellings(secret);
    for (const spelling of whole) all.add(spelling);
    for (const spelling of inside) inBase64Text.add(spelling);
  }
  return { secrets: [...all], inBase64Text: [...inBase64Text].filter((spelling) => !all.has(spelling)) };
}
