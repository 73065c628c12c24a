// Lists a document's operations and pairs ours with theirs: by method + path, else by operationId.
import { isJsonObject, type JsonObject, type LoadedDocument } from "./load-document.ts";
import { childPointer } from "./pointer.ts";
import { followRefs } from "./resolve-ref.ts";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationEntry {
  method: string;
  path: string;
  operationId?: string;
  pointer: string;
  operation: JsonObject;
  pathItem: JsonObject;
  pathItemPointer: string;
}

export interface OperationMatch {
  pairs: Array<[OperationEntry, OperationEntry]>;
  /** Ours without a counterpart. */
  removed: OperationEntry[];
  /** Theirs without a counterpart, limited to the paths ours covers (see `isInScope`). */
  added: OperationEntry[];
}

export function listOperations(source: LoadedDocument): OperationEntry[] {
  const paths = isJsonObject(source.doc.paths) ? source.doc.paths : {};
  return Object.entries(paths).flatMap(([path, rawItem]) => {
    const item = followRefs(source, rawItem, childPointer("/paths", path));
    if (!isJsonObject(item.value)) return [];
    const pathItem = item.value;
    return HTTP_METHODS.filter((method) => isJsonObject(pathItem[method])).map((method) => {
      const operation = pathItem[method] as JsonObject;
      const operationId = typeof operation.operationId === "string" ? operation.operationId : undefined;
      return { method, path, operationId, pointer: childPointer(item.pointer, method), operation, pathItem, pathItemPointer: item.pointer };
    });
  });
}

/** "GET /api/video/logs/{id}". */
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
    const fallback = match ?? (entry.operationId ? take((candidate) => candidate.operationId === entry.operationId) : undefined);
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
