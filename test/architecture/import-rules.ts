// A direction rule over the import graph: which files it governs and which folders they must not import from.
import type { ImportEdge } from "./import-graph.ts";

export interface ImportRule {
  /** Path prefixes of the files the rule governs ("src/client/"; "" is every file). */
  importers: readonly string[];
  /** Path prefixes, inside `importers`, of files the rule leaves out. */
  exempt?: readonly string[];
  /** Path prefixes the governed files must not import. */
  forbidden: readonly string[];
}

const under = (path: string, prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) => path.startsWith(prefix));

/** Every edge that breaks the rule, as "importer -> imported", in the order of `edges`. */
export function wrongWayImports(edges: readonly ImportEdge[], rule: ImportRule): string[] {
  return edges
    .filter(
      ({ from, to }) => under(from, rule.importers) && !under(from, rule.exempt ?? []) && under(to, rule.forbidden),
    )
    .map(({ from, to }) => `${from} -> ${to}`);
}
