// The entries of a baseline, indexed so that matching costs one look-up per finding and field combination, not one
// comparison per entry: an entry with a fingerprint is found by it; the others by their check and by which of
// operation, status and keyword they name, then by their pointer in a trie whose `*` edges match any one segment.
// Entries that say the same thing share one node, whose indices are marked matched once.

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

/** The entries that say the same thing, and whether a finding matched them yet. */
interface Terminal {
  indices: number[];
  matched: boolean;
}

interface PointerNode {
  next: Map<string, PointerNode>;
  /** The edge an entry's `*` takes: any one segment. */
  star?: PointerNode;
  terminal?: Terminal;
}

/** Entries with the same check, operation, status and keyword (named or not): by pointer. */
interface Bucket {
  /** Entries that name no pointer: they match any. */
  anyPointer?: Terminal;
  root: PointerNode;
}

/** Entries with a fingerprint: the fields besides it must match as well. */
interface FingerprintGroup {
  entry: BaselineEntry;
  terminal: Terminal;
}

/** Stands for a field an entry leaves out; neither an operation (a string) nor a status (a number or null). */
const ANY = 0;
const ANY_STATUS = "*";

const segmentsOf = (pointer: string): string[] => (pointer === "" ? [] : pointer.split("/").slice(1));

const bucketKey = (check: string, operation: string | 0, status: number | null | "*", keyword: string | 0) =>
  JSON.stringify([check, operation, status, keyword]);

function entryBucketKey(entry: BaselineEntry): string {
  // A status of null (no response) is named: only a left-out field matches any.
  const status = entry.status === undefined ? ANY_STATUS : entry.status;
  return bucketKey(entry.check, entry.operation ?? ANY, status, entry.keyword ?? ANY);
}

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
    (entry.pointer === undefined || pointerMatches(patternPointer(entry.pointer), finding.pointer))
  );
}

const newNode = (): PointerNode => ({ next: new Map() });
const newTerminal = (): Terminal => ({ indices: [], matched: false });

/** The node a segment leads to from `node`, made if new: `*` takes the star edge. */
function childOf(node: PointerNode, segment: string): PointerNode {
  if (segment === "*") {
    node.star ??= newNode();
    return node.star;
  }
  let child = node.next.get(segment);
  if (!child) {
    child = newNode();
    node.next.set(segment, child);
  }
  return child;
}

export class BaselineIndex {
  readonly #byFingerprint = new Map<string, FingerprintGroup[]>();
  readonly #buckets = new Map<string, Bucket>();
  readonly #matched: Uint8Array;

  /** `entries` with their indices in the baseline; `size` is the baseline's length. */
  constructor(entries: Iterable<{ index: number; entry: BaselineEntry }>, size: number) {
    this.#matched = new Uint8Array(size);
    const groups = new Map<string, Terminal>();
    for (const { index, entry } of entries) {
      if (entry.fingerprint === undefined) {
        this.#terminalFor(entry).indices.push(index);
        continue;
      }
      // One group per fingerprint and set of other fields, so that the finding of that fingerprint checks each once.
      const key = JSON.stringify([entry.fingerprint, entryBucketKey(entry), entry.pointer ?? null]);
      let terminal = groups.get(key);
      if (!terminal) {
        terminal = newTerminal();
        groups.set(key, terminal);
        const list = this.#byFingerprint.get(entry.fingerprint) ?? [];
        if (list.length === 0) this.#byFingerprint.set(entry.fingerprint, list);
        list.push({ entry, terminal });
      }
      terminal.indices.push(index);
    }
  }

  /** Whether the finding matches an entry; every entry it matches is marked matched. */
  match(finding: FindingIdentity): boolean {
    let found = false;
    for (const group of this.#byFingerprint.get(finding.fingerprint) ?? []) {
      if (fieldsMatch(group.entry, finding)) found = this.#hit(group.terminal);
    }
    const segments = segmentsOf(finding.pointer);
    for (const operation of [finding.operation, ANY] as const)
      for (const status of [finding.status, ANY_STATUS] as const)
        for (const keyword of [finding.keyword, ANY] as const) {
          const bucket = this.#buckets.get(bucketKey(finding.check, operation, status, keyword));
          if (bucket && this.#matchBucket(bucket, segments)) found = true;
        }
    return found;
  }

  /** Whether the entry at this index of the baseline matched a finding. */
  matched(index: number): boolean {
    return this.#matched[index] === 1;
  }

  #terminalFor(entry: BaselineEntry): Terminal {
    const key = entryBucketKey(entry);
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { root: newNode() };
      this.#buckets.set(key, bucket);
    }
    if (entry.pointer === undefined) {
      bucket.anyPointer ??= newTerminal();
      return bucket.anyPointer;
    }
    let node = bucket.root;
    for (const segment of segmentsOf(patternPointer(entry.pointer))) node = childOf(node, segment);
    node.terminal ??= newTerminal();
    return node.terminal;
  }

  /** Walks the pointer trie: at each segment, the nodes reached by that segment and by `*`. */
  #matchBucket(bucket: Bucket, segments: readonly string[]): boolean {
    let found = bucket.anyPointer ? this.#hit(bucket.anyPointer) : false;
    let frontier = [bucket.root];
    for (const segment of segments) {
      const reached: PointerNode[] = [];
      for (const node of frontier) {
        const child = node.next.get(segment);
        if (child) reached.push(child);
        if (node.star) reached.push(node.star);
      }
      if (reached.length === 0) return found;
      frontier = reached;
    }
    for (const node of frontier) if (node.terminal) found = this.#hit(node.terminal);
    return found;
  }

  #hit(terminal: Terminal): true {
    if (!terminal.matched) {
      terminal.matched = true;
      for (const index of terminal.indices) this.#matched[index] = 1;
    }
    return true;
  }
}
