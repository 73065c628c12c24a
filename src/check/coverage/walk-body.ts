// The coverage walk: one JSON body beside its schema's nodes, marking each item it shows. Iterative (a body may nest
// 100,000 deep) and only into nodes an item is at or below, so most of a body is never visited.
import { isDeepStrictEqual } from "node:util";
import { chooseUnionBranch } from "../../validation/choose-union-branch.ts";
import type { SchemaNode, UnionNode } from "./schema-nodes.ts";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Marks in `seen` every item the body shows; returns how many were not marked before. */
export function walkBody(body: unknown, root: SchemaNode, seen: Uint8Array): number {
  let fresh = 0;
  const mark = (item: number) => {
    if (item >= 0 && seen[item] === 0) {
      seen[item] = 1;
      fresh++;
    }
  };
  const values: unknown[] = [body];
  const nodes: SchemaNode[] = [root];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const value = values.pop();
    if (node.enumValues) mark(node.enumValues.get(value) ?? -1);
    if (node.enumOthers)
      for (const other of node.enumOthers) if (isDeepStrictEqual(other.value, value)) mark(other.item);
    if (node.union) {
      const branch = chosenBranch(node.union, value);
      if (branch >= 0) {
        mark(node.union.items[branch]!);
        const next = node.union.branches[branch];
        if (next?.live) {
          values.push(value);
          nodes.push(next);
        }
      }
    }
    if (node.allOf) {
      for (const next of node.allOf) {
        values.push(value);
        nodes.push(next);
      }
    }
    if (isPlainObject(value)) {
      for (const edge of node.properties ?? []) {
        // A parsed body holds no undefined; an inherited name is asked of the object's own keys.
        const property = value[edge.name];
        if (property === undefined || (edge.inherited && !Object.hasOwn(value, edge.name))) continue;
        mark(edge.present);
        if (property === null) mark(edge.isNull);
        const next = edge.node;
        if (next?.leaf) mark(next.enumValues!.get(property) ?? -1);
        else if (next?.live) {
          values.push(property);
          nodes.push(next);
        }
      }
      if (node.additional) {
        for (const name in value) {
          if (!Object.hasOwn(value, name) || node.declared!.has(name)) continue;
          values.push(value[name]);
          nodes.push(node.additional);
        }
      }
    } else if (node.items && Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        nodes.push(node.items);
      }
    }
  }
  return fresh;
}

/**
 * The branch a value is in: for a union of object schemas, the validator's branch rule (choose-union-branch.ts) on an
 * object (none for any other value); otherwise the first branch whose const, enum and type admit it. -1: none.
 */
function chosenBranch(union: UnionNode, value: unknown): number {
  if (union.shapes) return isPlainObject(value) ? chooseUnionBranch(value, union.shapes) : -1;
  return union.admits!.findIndex((admits) => admits(value));
}
