// The gates a document passes before the toolkit uses it at run time (`--spec FILE`): the ones the built-in spec
// passes through the repository's own tests and generator. They run in order; the first that fails names its first
// problems, each with its JSON pointer and what is wrong there, and the document is refused.
import { SpecDocumentError, type SpecProblem } from "../errors/spec-document-error.ts";
import { CLOSED_OBJECTS_GATE } from "./gates/closed-objects.ts";
import type { DocumentGate } from "./gates/document-gate.ts";
import { EXAMPLES_GATE } from "./gates/examples.ts";
import { EXTENSIONS_GATE } from "./gates/extensions.ts";
import { LOCAL_REFS_GATE } from "./gates/local-refs.ts";
import { OPENAPI_STRUCTURE_GATE } from "./gates/openapi-structure.ts";
import { STRICT_SCHEMAS_GATE } from "./gates/strict-schemas.ts";
import type { OpenApiDocument } from "./openapi-document.ts";

export type { DocumentGate };

/**
 * In order: the OpenAPI 3.1 structure (the official schema), references only inside the document, every schema
 * compiled by ajv in strict mode, closed objects, the `x-` extensions the toolkit reads, examples valid for their
 * schema. A gate may rely on the ones before it having passed.
 */
export const DOCUMENT_GATES: readonly DocumentGate[] = [
  OPENAPI_STRUCTURE_GATE,
  LOCAL_REFS_GATE,
  STRICT_SCHEMAS_GATE,
  CLOSED_OBJECTS_GATE,
  EXTENSIONS_GATE,
  EXAMPLES_GATE,
];

/** How many problems of the failed gate a refusal lists; it counts the rest. */
export const LISTED_PROBLEMS = 5;

export interface FailedGate {
  gate: DocumentGate;
  /** Every problem the gate found, each once, in document order. */
  problems: SpecProblem[];
}

/** The first gate the document fails and its problems; undefined when it passes them all. */
export function firstFailedGate(doc: unknown): FailedGate | undefined {
  for (const gate of DOCUMENT_GATES) {
    const found = gate.problems(doc as OpenApiDocument);
    if (found.length === 0) continue;
    const seen = new Set<string>();
    const problems = found.filter(({ pointer, message }) => {
      const key = `${pointer}\u0000${message}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
    return { gate, problems };
  }
  return undefined;
}

/** The document, when it passes every gate; otherwise a SpecDocumentError naming `file` and the first problems. */
export function assertUsableSpec(doc: unknown, file: string): OpenApiDocument {
  const failed = firstFailedGate(doc);
  if (!failed) return doc as OpenApiDocument;
  const { gate, problems } = failed;
  throw new SpecDocumentError(
    file,
    gate.name,
    gate.reason,
    problems.slice(0, LISTED_PROBLEMS),
    Math.max(0, problems.length - LISTED_PROBLEMS),
  );
}
