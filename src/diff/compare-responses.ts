// Compares the responses of two matched operations: statuses, presence of a body, and the body schemas.
import type { DiffBudget } from "./budget.ts";
import { compareSchemas } from "./compare-schemas.ts";
import type { DiffFinding } from "./finding.ts";
import type { LoadedDocument } from "./load-document.ts";
import { matchByKey } from "./match-by-key.ts";
import { type OperationEntry, operationLabel } from "./match-operations.ts";
import { normalizeSchema } from "./normalize-schema.ts";
import type { SchemaNode } from "./schema-node.ts";

interface ResponseEntry {
  status: string;
  /** The status as matched across documents ("2xx" and "2XX" are one range). */
  key: string;
  pointer: string;
  body?: SchemaNode;
}

export function compareResponses(
  ours: LoadedDocument,
  oursOp: OperationEntry,
  theirs: LoadedDocument,
  theirsOp: OperationEntry,
  budget: DiffBudget,
): DiffFinding[] {
  const match = matchByKey(listResponses(ours, oursOp, budget), listResponses(theirs, theirsOp, budget));
  const operation = operationLabel(oursOp);
  const findings: DiffFinding[] = [];
  for (const [response, counterpart] of match.ours) {
    if (counterpart) findings.push(...compareResponse(response, counterpart, operation, budget));
    else findings.push(statusRemoved(response, operation));
  }
  for (const response of match.added) {
    findings.push(responseFinding("response-status-added", response, "was added", operation, null, response.pointer));
  }
  return findings;
}

function compareResponse(
  ours: ResponseEntry,
  theirs: ResponseEntry,
  operation: string,
  budget: DiffBudget,
): DiffFinding[] {
  if (ours.body && theirs.body) {
    return compareSchemas(
      ours.body,
      theirs.body,
      { context: "response", operation, subject: `response ${ours.status} body` },
      budget,
    );
  }
  if (ours.body) {
    return [
      responseFinding(
        "response-body-removed",
        ours,
        "no longer has a JSON body",
        operation,
        ours.body.pointer,
        theirs.pointer,
      ),
    ];
  }
  if (theirs.body) {
    return [
      responseFinding("response-body-added", ours, "now has a JSON body", operation, ours.pointer, theirs.body.pointer),
    ];
  }
  return [];
}

function statusRemoved(response: ResponseEntry, operation: string): DiffFinding {
  const kind = /^2/.test(response.status) ? "success-status-removed" : "error-status-removed";
  return responseFinding(kind, response, "was removed", operation, response.pointer, null);
}

function responseFinding(
  kind: DiffFinding["kind"],
  response: ResponseEntry,
  change: string,
  operation: string,
  ours: string | null,
  theirs: string | null,
): DiffFinding {
  return { kind, context: "operation", operation, subject: `response ${response.status}`, change, ours, theirs };
}

/** The operation's responses as the walker resolved them; the body is the JSON one, when there is one. */
function listResponses(source: LoadedDocument, op: OperationEntry, budget: DiffBudget): ResponseEntry[] {
  return op.responses.map(({ status, pointer, json }) => ({
    status,
    key: status.toUpperCase(),
    pointer,
    body: json ? normalizeSchema(source, json.schema, json.schemaPointer, budget) : undefined,
  }));
}
