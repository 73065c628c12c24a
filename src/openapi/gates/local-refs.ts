// The gate of references: every `$ref` names something inside the document (`#/...`). A reference to another file or
// a URL is refused: Prism, which serves the mock, would read that file or fetch that URL; the document is to be
// bundled into one file first.
import type { SpecProblem } from "../../errors/spec-document-error.ts";
import { resolvePointer } from "../json-pointer.ts";
import type { OpenApiDocument } from "../openapi-document.ts";
import { RefError } from "../resolve-ref.ts";
import { walkOperations } from "../walk-operations.ts";
import { childOf, type DocumentGate, located, quoted } from "./document-gate.ts";

/** Every `$ref` whose value is a string, with the pointer of the object that holds it, in document order. */
function references(node: unknown, pointer: string, out: { ref: string; pointer: string }[] = []) {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      references(item, childOf(pointer, index), out);
    });
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push({ ref: value, pointer });
      else references(value, childOf(pointer, key), out);
    }
  }
  return out;
}

function refProblem(doc: OpenApiDocument, ref: string): string | undefined {
  if (!ref.startsWith("#")) {
    return (
      `$ref ${quoted(ref)} points outside the document: bundle the spec into one file first ` +
      "(for example `npx @redocly/cli bundle FILE -o bundled.yaml`), so that no other file or URL is read"
    );
  }
  if (ref === "#") return undefined;
  if (!ref.startsWith("#/")) return `$ref ${quoted(ref)} is not a JSON pointer into the document (#/…)`;
  try {
    resolvePointer(doc, ref);
    return undefined;
  } catch {
    return `$ref ${quoted(ref)} names nothing in the document`;
  }
}

export const LOCAL_REFS_GATE: DocumentGate = {
  name: "refs",
  reason: "has a $ref that cannot be followed inside the document",
  problems(doc) {
    const problems: SpecProblem[] = references(doc, "").flatMap(({ ref, pointer }) => {
      const message = refProblem(doc, ref);
      return message === undefined ? [] : [{ pointer: located(pointer), message }];
    });
    if (problems.length > 0) return problems;
    // A chain of references that comes back to itself (A → B → A) where the walker follows them.
    try {
      walkOperations(doc);
    } catch (error) {
      if (!(error instanceof RefError)) throw error;
      return [{ pointer: located(error.at), message: `$ref ${quoted(error.ref)} closes a cycle of references` }];
    }
    return [];
  },
};
