// Which baseline entries match which findings, in time linear in entries plus findings: the few findings are indexed,
// and each entry costs one look-up. A finding is filed under each key an entry naming it could have: its check with
// its status, operation and keyword each named or left out (eight buckets), and in each bucket under any pointer,
// its pointer, and its pointer as each shape of `*` pattern the baseline holds (`/data/*\/charge`). An entry looks up
// its own key; the findings filed there are marked known once, however many entries name them. An entry with a
// fingerprint looks up the finding of that fingerprint. A pattern shape rarer than the findings it would file is
// indexed the other way round (its entries, looked up by each finding), so no baseline makes the index outgrow it.
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

/** What matched: `known[j]` for finding j, `matched[i]` for entry i (1 when so). */
export interface EntriesMatch {
  known: Uint8Array;
  matched: Uint8Array;
}

/** Pointers of one length with `*` at the same places. */
interface PointerShape {
  length: number;
  stars: ReadonlySet<number>;
  entries: number;
  /** Findings are filed under this shape's patterns; else its entries are, and each finding looks them up. */
  byFindings: boolean;
}

/** The findings filed under one key, and whether an entry has marked them known yet. */
interface Filed {
  findings: number[];
  marked: boolean;
}

/** A pointer's segments: none for "" (the whole body), as splitting it gives. */
const segmentsOf = (pointer: string): string[] => pointer.split("/").slice(1);

/** patternPointer, skipped for a pointer with no segment that could be an index (most are). */
const normalised = (pointer: string) => (/\/\d/.test(pointer) ? patternPointer(pointer) : pointer);

function text(value: string | undefined): string {
  return value === undefined ? "*" : `${value.length}:${value}`;
}

/**
 * The key of a check and the status, operation and keyword named (undefined: left out, matching any), then of a
 * pointer: ` *` any, ` =P` exactly P, ` ~P` the pattern P. Unambiguous: texts carry their length, a status is digits
 * or `null`, `*` is neither.
 */
function bucketKey(check: string, status: number | null | undefined, operation?: string, keyword?: string): string {
  return `${check.length}:${check} ${status === undefined ? "*" : status} ${text(operation)} ${text(keyword)}`;
}

/** The eight buckets a finding is filed in. */
function bucketsOf(finding: FindingIdentity): string[] {
  const keys: string[] = [];
  for (const status of [finding.status, undefined])
    for (const operation of [finding.operation, undefined])
      for (const keyword of [finding.keyword, undefined])
        keys.push(bucketKey(finding.check, status, operation, keyword));
  return keys;
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
    (entry.pointer === undefined || pointerMatches(normalised(entry.pointer), finding.pointer))
  );
}

/** The finding's pointer as a pattern of this shape: `*` at the shape's places. */
function asPattern(segments: readonly string[], stars: ReadonlySet<number>): string {
  let pattern = "";
  for (let i = 0; i < segments.length; i++) pattern += `/${stars.has(i) ? "*" : segments[i]}`;
  return pattern;
}

/** Matches the entries, but those `expired` marks (1), against the findings (each drift once). */
export function matchEntries(
  entries: readonly BaselineEntry[],
  expired: Uint8Array,
  findings: readonly FindingIdentity[],
): EntriesMatch {
  const match = { known: new Uint8Array(findings.length), matched: new Uint8Array(entries.length) };
  const pointers = pointersOf(entries, expired, findings);
  const filed = fileFindings(findings, pointers.shapes);
  matchShapesByFindings(entries, findings, pointers, match);
  const byFingerprint = new Map(findings.map((finding, j) => [finding.fingerprint, j]));
  // A plain loop: it runs once per entry, and a baseline may hold hundreds of thousands.
  for (let i = 0; i < entries.length; i++) {
    if (expired[i] === 1) continue;
    const entry = entries[i]!;
    if (entry.fingerprint !== undefined) {
      const j = byFingerprint.get(entry.fingerprint);
      if (j !== undefined && fieldsMatch(entry, findings[j]!)) match.matched[i] = match.known[j] = 1;
      continue;
    }
    const shape = pointers.shapeOf[i]!;
    if (shape !== -1 && !pointers.shapes[shape]!.byFindings) continue;
    const found = filed.get(entryKey(entry, pointers.pointers[i], shape));
    if (!found) continue;
    match.matched[i] = 1;
    if (found.marked) continue;
    found.marked = true;
    for (const j of found.findings) match.known[j] = 1;
  }
  return match;
}

/** Each live entry's pointer, normalised; the shapes of the patterns among them, and each entry's (or -1). */
interface Pointers {
  pointers: (string | undefined)[];
  shapes: PointerShape[];
  shapeOf: Int32Array;
}

function pointersOf(entries: readonly BaselineEntry[], expired: Uint8Array, findings: readonly FindingIdentity[]) {
  const found: Pointers = {
    pointers: new Array(entries.length),
    shapes: [],
    shapeOf: new Int32Array(entries.length).fill(-1),
  };
  const ids = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (expired[i] === 1 || entry.fingerprint !== undefined || entry.pointer === undefined) continue;
    const pointer = normalised(entry.pointer);
    found.pointers[i] = pointer;
    if (!pointer.includes("*")) continue;
    const segments = segmentsOf(pointer);
    let shapeKey = `${segments.length}:`;
    for (let s = 0; s < segments.length; s++) if (segments[s] === "*") shapeKey += `${s},`;
    if (shapeKey.endsWith(":")) continue;
    let id = ids.get(shapeKey);
    if (id === undefined) {
      id = found.shapes.length;
      ids.set(shapeKey, id);
      const stars = new Set(segments.flatMap((segment, s) => (segment === "*" ? [s] : [])));
      found.shapes.push({ length: segments.length, stars, entries: 0, byFindings: false });
    }
    found.shapes[id]!.entries++;
    found.shapeOf[i] = id;
  }
  // Filing every finding of its length under a shape costs eight keys each: worth it when as many entries use it.
  const ofLength = new Map<number, number>();
  for (const finding of findings) {
    const length = segmentsOf(finding.pointer).length;
    ofLength.set(length, (ofLength.get(length) ?? 0) + 1);
  }
  for (const shape of found.shapes) shape.byFindings = shape.entries >= 8 * (ofLength.get(shape.length) ?? 0);
  return found;
}

/** The key an entry is looked up by: its bucket, then its pointer (any, exact, or a pattern of a shape). */
function entryKey(entry: BaselineEntry, pointer: string | undefined, shape: number): string {
  const part = pointer === undefined ? "*" : `${shape === -1 ? "=" : "~"}${pointer}`;
  return `${bucketKey(entry.check, entry.status, entry.operation, entry.keyword)} ${part}`;
}

/** Files each finding under every key of its buckets: any pointer, its pointer, and each shape filed by findings. */
function fileFindings(findings: readonly FindingIdentity[], shapes: readonly PointerShape[]): Map<string, Filed> {
  const filed = new Map<string, Filed>();
  const file = (key: string, j: number) => {
    const found = filed.get(key);
    if (found) found.findings.push(j);
    else filed.set(key, { findings: [j], marked: false });
  };
  const byFindings = shapes.filter((shape) => shape.byFindings);
  findings.forEach((finding, j) => {
    const segments = segmentsOf(finding.pointer);
    const patterns = byFindings
      .filter((shape) => shape.length === segments.length)
      .map((shape) => asPattern(segments, shape.stars));
    for (const bucket of bucketsOf(finding)) {
      file(`${bucket} *`, j);
      file(`${bucket} =${finding.pointer}`, j);
      for (const pattern of patterns) file(`${bucket} ~${pattern}`, j);
    }
  });
  return filed;
}

/** The entries of the rare shapes, filed by their key; each finding looks up its patterns of those shapes. */
function matchShapesByFindings(
  entries: readonly BaselineEntry[],
  findings: readonly FindingIdentity[],
  pointers: Pointers,
  match: EntriesMatch,
): void {
  const rare = pointers.shapes.filter((shape) => !shape.byFindings);
  if (rare.length === 0) return;
  const filed = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const shape = pointers.shapeOf[i]!;
    if (shape === -1 || pointers.shapes[shape]!.byFindings) return;
    const key = entryKey(entry, pointers.pointers[i], shape);
    const same = filed.get(key);
    if (same) same.push(i);
    else filed.set(key, [i]);
  });
  findings.forEach((finding, j) => {
    const segments = segmentsOf(finding.pointer);
    const buckets = bucketsOf(finding);
    for (const shape of rare) {
      if (shape.length !== segments.length) continue;
      const pattern = asPattern(segments, shape.stars);
      for (const bucket of buckets) {
        const same = filed.get(`${bucket} ~${pattern}`);
        if (!same) continue;
        match.known[j] = 1;
        // Entries with the same key are marked together, once.
        if (match.matched[same[0]!] !== 1) for (const i of same) match.matched[i] = 1;
      }
    }
  });
}
