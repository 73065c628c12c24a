// Pairs our operations with theirs: by method + path, else by operationId.
import { type WalkedOperation, walkOperations } from "../openapi/walk-operations.ts";
import type { LoadedDocument } from "./load-document.ts";
import { readDocument } from "./read-document.ts";

export type OperationEntry = WalkedOperation;

export interface OperationMatch {
  pairs: Array<[OperationEntry, OperationEntry]>;
  /** Ours without a counterpart. */
  removed: OperationEntry[];
  /** Theirs without a counterpart, limited to the paths ours covers (see `isInScope`). */
  added: OperationEntry[];
}

/** The operations of one side, from the shared walker. */
export function listOperations(source: LoadedDocument): OperationEntry[] {
  return readDocument(source, () => walkOperations(source.doc));
}

/** "GET /logs/{id}". */
export function operationLabel(entry: OperationEntry): string {
  return `${entry.method.toUpperCase()} ${entry.path}`;
}

/** The path with its template variables blanked, so `/logs/{id}` and `/logs/{log_id}` are the same path. */
export function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

function routeKey(entry: OperationEntry): string {
  return `${entry.method} ${pathShape(entry.path)}`;
}

export function matchOperations(ours: OperationEntry[], theirs: OperationEntry[]): OperationMatch {
  const unmatched = new Set(theirs);
  const pairs: Array<[OperationEntry, OperationEntry]> = [];
  const removed: OperationEntry[] = [];
  const take = (predicate: (candidate: OperationEntry) => boolean) => {
    const found = [...unmatched].find(predicate);
    if (found) unmatched.delete(found);
    return found;
  };
  const byRoute = ours.map((entry) => ({ entry, match: take((candidate) => routeKey(candidate) === routeKey(entry)) }));
  // operationId is the fallback, tried only once every route match has been taken.
  for (const { entry, match } of byRoute) {
    const fallback =
      match ?? (entry.operationId ? take((candidate) => candidate.operationId === entry.operationId) : undefined);
    if (fallback) pairs.push([entry, fallback]);
    else removed.push(entry);
  }
  const added = [...unmatched].filter((entry) => isInScope(entry, ours));
  return { pairs, removed, added };
}

/** Theirs may describe a whole API; only operations on one of our paths, or below one, are ours to compare. */
function isInScope(entry: OperationEntry, ours: OperationEntry[]): boolean {
  const shape = pathShape(entry.path);
  return ours.some((own) => shape === pathShape(own.path) || shape.startsWith(`${pathShape(own.path)}/`));
}
