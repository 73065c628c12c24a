// The entries of a baseline, indexed so that matching costs a few look-ups per finding, not one comparison per entry:
// an entry with a fingerprint is found by it; the others by their check and by which of operation, status and
// keyword they name (a bucket), then by their pointer: any, one without `*` exactly, or one with `*` by its shape
// (its length and the places of its `*`s) and its other segments. So building the index is linear in the entries,
// and each finding costs one look-up per combination of fields left out and per pointer shape its buckets hold.
// Entries that say the same thing are chained (`#next`) behind one head and marked matched together.
import type { BaselineEntry } from "../findings/baseline-entry.ts";
import { patternPointer } from "../findings/fingerprint.ts";

/** What a baseline entry is matched against: a finding's identity (its pointer with `*` for array indices). */
export interface FindingIdentity {
  fingerprint: string;
  check: string;
  operation: string;
  status: number | null;
  pointer: string;
  keyword: string;
}

/** Pointers of one length with `*` at the same places, by their pattern: `/data/*\/charge`. */
interface PointerShape {
  length: number;
  stars: ReadonlySet<number>;
  heads: Map<string, number>;
}

const segmentsOf = (pointer: string): string[] => (pointer === "" ? [] : pointer.split("/").slice(1));

/** patternPointer, skipped for a pointer with no segment that could be an index (most are). */
const normalised = (pointer: string) => (/\/\d/.test(pointer) ? patternPointer(pointer) : pointer);

/**
 * The key of the bucket of a check and the operation, status and keyword named (undefined: left out, matching any).
 * Unambiguous, and a prefix of nothing else: texts carry their length, a status is digits or `null`, `*` is neither.
 */
function bucketKey(check: string, status: number | null | undefined, operation?: string, keyword?: string): string {
  return `${check.length}:${check} ${status === undefined ? "*" : status} ${text(operation)} ${text(keyword)}`;
}

function text(value: string | undefined): string {
  return value === undefined ? "*" : `${value.length}:${value}`;
}

const entryBucketKey = (entry: BaselineEntry) => bucketKey(entry.check, entry.status, entry.operation, entry.keyword);

/** A pointer pattern (already normalised) matches a finding's pointer: the same segments, `*` matching any one. */
export function pointerMatches(pattern: string, pointer: string): boolean {
  const want = segmentsOf(pattern);
  const have = segmentsOf(pointer);
  return want.length === have.length && want.every((segment, i) => segment === "*" || segment === have[i]);
}

/** Every field the entry names (its fingerprint aside) is the finding's. */
function fieldsMatch(entry: BaselineEntry, finding: FindingIdentity): boolean {
  return (
    entry.check === finding.check &&
    (entry.operation === undefined || entry.operation === finding.operation) &&
    (entry.status === undefined || entry.status === finding.status) &&
    (entry.keyword === undefined || entry.keyword === finding.keyword) &&
    (entry.pointer === undefined || pointerMatches(normalised(entry.pointer), finding.pointer))
  );
}

/** The finding's pointer as a shape's pattern: `*` at the shape's places. */
const asPattern = (segments: readonly string[], stars: ReadonlySet<number>) =>
  segments.map((segment, i) => `/${stars.has(i) ? "*" : segment}`).join("");

export class BaselineIndex {
  readonly #entries: readonly BaselineEntry[];
  /** The next entry of the same chain, or -1. */
  readonly #next: Int32Array;
  readonly #matched: Uint8Array;
  readonly #byFingerprint = new Map<string, number>();
  /** By bucket key: entries that name no pointer. */
  readonly #anyPointer = new Map<string, number>();
  /** By bucket key and pointer: entries whose pointer holds no `*`. */
  readonly #exact = new Map<string, number>();
  /** By bucket key: the shapes of the pointers with a `*`. */
  readonly #shapes = new Map<string, Map<string, PointerShape>>();

  /** Indexes the entries for which `indexed(index)` holds (the others, expired, match nothing). */
  constructor(entries: readonly BaselineEntry[], indexed: (index: number) => boolean) {
    this.#entries = entries;
    this.#next = new Int32Array(entries.length).fill(-1);
    this.#matched = new Uint8Array(entries.length);
    entries.forEach((entry, index) => {
      if (!indexed(index)) return;
      if (entry.fingerprint !== undefined) this.#chain(this.#byFingerprint, entry.fingerprint, index);
      else if (entry.pointer === undefined) this.#chain(this.#anyPointer, entryBucketKey(entry), index);
      else {
        const pointer = normalised(entry.pointer);
        if (pointer.includes("*")) this.#addPattern(entryBucketKey(entry), pointer, index);
        else this.#chain(this.#exact, `${entryBucketKey(entry)} ${pointer}`, index);
      }
    });
  }

  /** Whether the finding matches an entry; every entry it matches is marked matched. */
  match(finding: FindingIdentity): boolean {
    let found = false;
    // Only the finding of this fingerprint reads its chain: each entry is compared once.
    for (let i = this.#byFingerprint.get(finding.fingerprint) ?? -1; i !== -1; i = this.#next[i]!) {
      if (fieldsMatch(this.#entries[i]!, finding)) {
        this.#matched[i] = 1;
        found = true;
      }
    }
    let segments: string[] | undefined;
    for (const status of [finding.status, undefined])
      for (const operation of [finding.operation, undefined])
        for (const keyword of [finding.keyword, undefined]) {
          const key = bucketKey(finding.check, status, operation, keyword);
          if (this.#hit(this.#anyPointer.get(key))) found = true;
          if (this.#hit(this.#exact.get(`${key} ${finding.pointer}`))) found = true;
          const shapes = this.#shapes.get(key);
          if (!shapes) continue;
          segments ??= segmentsOf(finding.pointer);
          for (const shape of shapes.values()) {
            if (shape.length === segments.length && this.#hit(shape.heads.get(asPattern(segments, shape.stars))))
              found = true;
          }
        }
    return found;
  }

  /** Whether the entry at this index of the baseline matched a finding. */
  matched(index: number): boolean {
    return this.#matched[index] === 1;
  }

  /** Adds the entry to the chain of `key`, as its head when the chain is new. */
  #chain(heads: Map<string, number>, key: string, index: number): void {
    const head = heads.get(key);
    if (head === undefined) heads.set(key, index);
    else {
      this.#next[index] = this.#next[head]!;
      this.#next[head] = index;
    }
  }

  #addPattern(bucket: string, pointer: string, index: number): void {
    const segments = segmentsOf(pointer);
    let shapeKey = `${segments.length}:`;
    for (let i = 0; i < segments.length; i++) if (segments[i] === "*") shapeKey += `${i},`;
    let shapes = this.#shapes.get(bucket);
    if (!shapes) {
      shapes = new Map();
      this.#shapes.set(bucket, shapes);
    }
    let shape = shapes.get(shapeKey);
    if (!shape) {
      const stars = new Set(segments.flatMap((segment, i) => (segment === "*" ? [i] : [])));
      shape = { length: segments.length, stars, heads: new Map() };
      shapes.set(shapeKey, shape);
    }
    this.#chain(shape.heads, pointer, index);
  }

  /** Marks the chain from `head` matched (once: a chain is marked whole); false when there is no chain. */
  #hit(head: number | undefined): boolean {
    if (head === undefined) return false;
    if (this.#matched[head] !== 1) for (let i = head; i !== -1; i = this.#next[i]!) this.#matched[i] = 1;
    return true;
  }
}
