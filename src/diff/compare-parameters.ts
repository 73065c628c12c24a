// Compares the parameters of two matched operations: presence, required, and their schemas (as values clients send).
import type { DiffBudget } from "./budget.ts";
import { compareSchemas } from "./compare-schemas.ts";
import type { DiffFinding } from "./finding.ts";
import type { LoadedDocument } from "./load-document.ts";
import { matchByKey } from "./match-by-key.ts";
import { type OperationEntry, operationLabel } from "./match-operations.ts";
import { normalizeSchema } from "./normalize-schema.ts";
import type { SchemaNode } from "./schema-node.ts";

interface ParameterEntry {
  /** Identity across documents: location + name, or location + position for path parameters. */
  key: string;
  name: string;
  location: string;
  required: boolean;
  pointer: string;
  schema: SchemaNode;
}

export function compareParameters(
  ours: LoadedDocument,
  oursOp: OperationEntry,
  theirs: LoadedDocument,
  theirsOp: OperationEntry,
  budget: DiffBudget,
): DiffFinding[] {
  const match = matchByKey(
    listParameters(ours, oursOp, budget).values(),
    listParameters(theirs, theirsOp, budget).values(),
  );
  const operation = operationLabel(oursOp);
  const findings: DiffFinding[] = [];
  for (const [parameter, counterpart] of match.ours) {
    if (!counterpart)
      findings.push(
        parameterFinding("parameter-removed", parameter, "was removed", operation, parameter.pointer, null),
      );
    else findings.push(...compareParameter(parameter, counterpart, operation, budget));
  }
  for (const parameter of match.added) {
    const kind = parameter.required ? "required-parameter-added" : "optional-parameter-added";
    const change = `was added (${parameter.required ? "required" : "optional"})`;
    findings.push(parameterFinding(kind, parameter, change, operation, null, parameter.pointer));
  }
  return findings;
}

function compareParameter(
  ours: ParameterEntry,
  theirs: ParameterEntry,
  operation: string,
  budget: DiffBudget,
): DiffFinding[] {
  const findings: DiffFinding[] = [];
  if (ours.required !== theirs.required) {
    const kind = theirs.required ? "became-required" : "became-optional";
    const change = theirs.required ? "is now required" : "is no longer required";
    // Required-ness of a parameter follows the same request rule as required-ness of a property clients send.
    findings.push({
      ...parameterFinding(kind, ours, change, operation, ours.pointer, theirs.pointer),
      context: "request",
    });
  }
  findings.push(
    ...compareSchemas(ours.schema, theirs.schema, { context: "request", operation, subject: subjectOf(ours) }, budget),
  );
  return findings;
}

function parameterFinding(
  kind: DiffFinding["kind"],
  parameter: ParameterEntry,
  change: string,
  operation: string,
  ours: string | null,
  theirs: string | null,
): DiffFinding {
  return { kind, context: "operation", operation, subject: subjectOf(parameter), change, ours, theirs };
}

function subjectOf(parameter: ParameterEntry): string {
  return `${parameter.location} parameter ${parameter.name}`;
}

/** The operation's parameters as the walker resolved them (path-level ones overridden by its own), keyed across documents. */
function listParameters(source: LoadedDocument, op: OperationEntry, budget: DiffBudget): Map<string, ParameterEntry> {
  return new Map(
    op.parameters.map((parameter) => [
      parameterKey(parameter.in, parameter.name, op.path),
      {
        key: parameterKey(parameter.in, parameter.name, op.path),
        name: parameter.name,
        location: parameter.in,
        required: parameter.required,
        pointer: parameter.pointer,
        schema: normalizeSchema(source, parameter.schema, parameter.schemaPointer, budget),
      },
    ]),
  );
}

/** Path parameters are matched by their position in the path, since renaming `{id}` changes nothing for clients. */
function parameterKey(location: string, name: string, path: string): string {
  if (location === "path") {
    const position = [...path.matchAll(/\{([^}]*)\}/g)].findIndex((match) => match[1] === name);
    if (position >= 0) return `path#${position}`;
  }
  // HTTP header names are case-insensitive.
  return `${location}:${location === "header" ? name.toLowerCase() : name}`;
}
