// A finding's identity across runs, Spaces and data: a short hash of a versioned canonical string of its check,
// operation, status, pointer (with `*` for each array index) and keyword. Requests, ids, times and values are left
// out, so one drifted field is one finding however many requests show it, and the same finding tomorrow.
import { createHash } from "node:crypto";

/** The fields a fingerprint is made of; `pointer` already normalised (see patternPointer). */
export interface FingerprintFields {
  check: string;
  operation: string;
  /** The response status, or null when none came. */
  status: number | null;
  pointer: string;
  keyword: string;
}

/** Raised when the canonical string changes; fingerprints of different versions never collide by accident. */
const CANONICAL_VERSION = "video-logs-finding/1";

/** The first 16 hex digits of the SHA-256 of the canonical string: 64 bits, ample for the findings of one API. */
export function fingerprintOf(fields: FingerprintFields): string {
  return canonicalHash(CANONICAL_VERSION, [
    fields.check,
    fields.operation,
    fields.status,
    fields.pointer,
    fields.keyword,
  ]);
}

/**
 * The fingerprint mechanism for any identity: the first 16 hex digits of the SHA-256 of the JSON array of a
 * namespace (naming what is identified, and the version of its canonical string) and the fields. Two namespaces
 * never give one fingerprint for the same fields.
 */
export function canonicalHash(namespace: string, fields: readonly (string | number | null)[]): string {
  return createHash("sha256")
    .update(JSON.stringify([namespace, ...fields]))
    .digest("hex")
    .slice(0, 16);
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * The pointer with `*` for every segment that is an array index (digits only, as RFC 6901 writes one):
 * `/data/3/charge` → `/data/*\/charge`. The same rule for live responses, recordings, earlier reports and baseline
 * entries, so a concrete pointer matches the finding it normalises to; a property named with digits only is read as
 * an index too, which keeps fingerprints independent of the data.
 */
export function patternPointer(pointer: string): string {
  if (pointer === "") return "";
  return `/${pointer
    .split("/")
    .slice(1)
    .map((segment) => (ARRAY_INDEX.test(segment) ? "*" : segment))
    .join("/")}`;
}
