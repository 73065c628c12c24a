// Compares the operations of two documents: which exist on each side and, for matched ones, what changed.
import type { DiffBudget } from "./budget.ts";
import { compareParameters } from "./compare-parameters.ts";
import { compareResponses } from "./compare-responses.ts";
import type { DiffFinding } from "./finding.ts";
import type { LoadedDocument } from "./load-document.ts";
import { listOperations, matchOperations, type OperationEntry, operationLabel, pathShape } from "./match-operations.ts";

export function compareOperations(ours: LoadedDocument, theirs: LoadedDocument, budget: DiffBudget): DiffFinding[] {
  const { pairs, removed, added } = matchOperations(listOperations(ours), listOperations(theirs));
  return [
    ...removed.map((entry) => presenceFinding("operation-removed", entry, "was removed", entry.pointer, null)),
    ...added.map((entry) => presenceFinding("operation-added", entry, "was added", null, entry.pointer)),
    ...pairs.flatMap(([a, b]) => comparePair(ours, a, theirs, b, budget)),
  ];
}

function comparePair(
  ours: LoadedDocument,
  a: OperationEntry,
  theirs: LoadedDocument,
  b: OperationEntry,
  budget: DiffBudget,
): DiffFinding[] {
  return [
    ...movedFinding(a, b),
    ...compareParameters(ours, a, theirs, b, budget),
    ...compareResponses(ours, a, theirs, b, budget),
  ];
}

/** Reported when operations were paired by operationId although their method or path differ. */
function movedFinding(a: OperationEntry, b: OperationEntry): DiffFinding[] {
  if (a.method === b.method && pathShape(a.path) === pathShape(b.path)) return [];
  return [presenceFinding("operation-moved", a, `moved to ${operationLabel(b)}`, a.pointer, b.pointer)];
}

function presenceFinding(
  kind: DiffFinding["kind"],
  entry: OperationEntry,
  change: string,
  ours: string | null,
  theirs: string | null,
): DiffFinding {
  const name = entry.operationId ? `operation ${entry.operationId}` : "operation";
  return { kind, context: "operation", operation: operationLabel(entry), subject: name, change, ours, theirs };
}
