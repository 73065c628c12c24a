// Pairs the alternatives of two unions (anyOf/oneOf) by shape, since component names differ between documents.
import type { SchemaNode } from "./schema-node.ts";

export interface VariantMatch {
  pairs: Array<[SchemaNode, SchemaNode]>;
  removed: SchemaNode[];
  added: SchemaNode[];
}

/** Greedy pairing, best-scored pairs first; alternatives that share nothing stay unpaired. */
export function matchVariants(ours: SchemaNode[], theirs: SchemaNode[]): VariantMatch {
  const candidates = ours
    .flatMap((a, i) => theirs.map((b, j) => ({ i, j, score: similarity(a, b) })))
    .filter((candidate) => candidate.score > 0)
    .sort((x, y) => y.score - x.score);
  const usedOurs = new Set<number>();
  const usedTheirs = new Set<number>();
  const pairs: Array<[SchemaNode, SchemaNode]> = [];
  for (const { i, j } of candidates) {
    const a = ours[i];
    const b = theirs[j];
    if (usedOurs.has(i) || usedTheirs.has(j) || !a || !b) continue;
    usedOurs.add(i);
    usedTheirs.add(j);
    pairs.push([a, b]);
  }
  return {
    pairs,
    removed: ours.filter((_, i) => !usedOurs.has(i)),
    added: theirs.filter((_, j) => !usedTheirs.has(j)),
  };
}

/** 0 when the two cannot be the same alternative; higher the more property names they share. */
function similarity(a: SchemaNode, b: SchemaNode): number {
  if (!typesOverlap(a, b)) return 0;
  const namesA = [...a.properties.keys()];
  const namesB = new Set(b.properties.keys());
  if (namesA.length === 0 && namesB.size === 0) return 1;
  const shared = namesA.filter((name) => namesB.has(name)).length;
  const total = new Set([...namesA, ...namesB]).size;
  return shared === 0 ? 0 : 1 + shared / total;
}

function typesOverlap(a: SchemaNode, b: SchemaNode): boolean {
  if (a.types === undefined || b.types === undefined) return true;
  return a.types.some((type) => b.types?.includes(type));
}

/** A short description of an alternative, for messages. */
export function describeShape(node: SchemaNode): string {
  const names = [...node.properties.keys()];
  if (names.length > 0) {
    const shown = names.slice(0, 4).join(", ");
    return `object with ${shown}${names.length > 4 ? ", …" : ""}`;
  }
  return node.types === undefined ? "any value" : node.types.join(" | ") || "null";
}
