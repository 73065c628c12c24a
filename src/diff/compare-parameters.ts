// Compares the parameters of two matched operations: presence, required, and their schemas (as values clients send).
import { compareSchemas } from "./compare-schemas.ts";
import type { Finding } from "./finding.ts";
import { isJsonObject, type LoadedDocument } from "./load-document.ts";
import { normalizeSchema } from "./normalize-schema.ts";
import { operationLabel, type OperationEntry } from "./operations.ts";
import { childPointer } from "./pointer.ts";
import { followRefs } from "./resolve-ref.ts";
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

export function compareParameters(ours: LoadedDocument, oursOp: OperationEntry, theirs: LoadedDocument, theirsOp: OperationEntry): Finding[] {
  const before = listParameters(ours, oursOp);
  const after = listParameters(theirs, theirsOp);
  const operation = operationLabel(oursOp);
  const findings: Finding[] = [];
  for (const parameter of before.values()) {
    const counterpart = after.get(parameter.key);
    after.delete(parameter.key);
    if (!counterpart) findings.push(parameterFinding("parameter-removed", parameter, "was removed", operation, parameter.pointer, null));
    else findings.push(...compareParameter(parameter, counterpart, operation));
  }
  for (const parameter of after.values()) {
    const kind = parameter.required ? "required-parameter-added" : "optional-parameter-added";
    const change = `was added (${parameter.required ? "required" : "optional"})`;
    findings.push(parameterFinding(kind, parameter, change, operation, null, parameter.pointer));
  }
  return findings;
}

function compareParameter(ours: ParameterEntry, theirs: ParameterEntry, operation: string): Finding[] {
  const findings: Finding[] = [];
  if (ours.required !== theirs.required) {
    const kind = theirs.required ? "became-required" : "became-optional";
    const change = theirs.required ? "is now required" : "is no longer required";
    // Required-ness of a parameter follows the same request rule as required-ness of a property clients send.
    findings.push({ ...parameterFinding(kind, ours, change, operation, ours.pointer, theirs.pointer), context: "request" });
  }
  findings.push(...compareSchemas(ours.schema, theirs.schema, { context: "request", operation, subject: subjectOf(ours) }));
  return findings;
}

function parameterFinding(
  kind: Finding["kind"],
  parameter: ParameterEntry,
  change: string,
  operation: string,
  ours: string | null,
  theirs: string | null,
): Finding {
  return { kind, context: "operation", operation, subject: subjectOf(parameter), change, ours, theirs };
}

function subjectOf(parameter: ParameterEntry): string {
  return `${parameter.location} parameter ${parameter.name}`;
}

/** Path-item parameters, overridden by the operation's own ones of the same location and name. */
function listParameters(source: LoadedDocument, op: OperationEntry): Map<string, ParameterEntry> {
  const declared = [
    ...readParameterList(source, op.pathItem.parameters, childPointer(op.pathItemPointer, "parameters"), op.path),
    ...readParameterList(source, op.operation.parameters, childPointer(op.pointer, "parameters"), op.path),
  ];
  return new Map(declared.map((parameter) => [parameter.key, parameter]));
}

function readParameterList(source: LoadedDocument, list: unknown, pointer: string, path: string): ParameterEntry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw, index) => {
    const { value, pointer: at } = followRefs(source, raw, childPointer(pointer, index));
    if (!isJsonObject(value) || typeof value.name !== "string" || typeof value.in !== "string") return [];
    const schemaAt = schemaLocation(value, at);
    return [{
      key: parameterKey(value.in, value.name, path),
      name: value.name,
      location: value.in,
      required: value.required === true,
      pointer: at,
      schema: normalizeSchema(source, schemaAt.value, schemaAt.pointer),
    }];
  });
}

/** A parameter's schema is under `schema`, or under `content.<media type>.schema`. */
function schemaLocation(parameter: Record<string, unknown>, pointer: string): { value: unknown; pointer: string } {
  if ("schema" in parameter) return { value: parameter.schema, pointer: childPointer(pointer, "schema") };
  const [media, body] = Object.entries(isJsonObject(parameter.content) ? parameter.content : {})[0] ?? [];
  if (media !== undefined && isJsonObject(body)) return { value: body.schema, pointer: childPointer(pointer, "content", media, "schema") };
  return { value: undefined, pointer };
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
