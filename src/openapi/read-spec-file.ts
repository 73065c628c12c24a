// Reads a spec given at run time (`--spec FILE`, YAML or JSON) and lets it through the document gates; whatever is
// wrong with it is a SpecDocumentError that names the file and the first problems.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { SpecDocumentError } from "../errors/spec-document-error.ts";
import { assertUsableSpec } from "./document-gates.ts";
import type { OpenApiDocument } from "./openapi-document.ts";

const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
};

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new SpecDocumentError(file, "read", `cannot be read: ${READ_FAILURES[code] ?? (error as Error).message}`);
  }
}

/** The document in `file`, parsed (YAML, of which JSON is a part) and checked by every gate. */
export function readSpecFile(file: string): OpenApiDocument {
  const text = readText(file);
  let doc: unknown;
  try {
    doc = parse(text, { logLevel: "error" });
  } catch (error) {
    const first = ((error as Error).message.split("\n", 1)[0] ?? "").trim().replace(/:$/, "");
    throw new SpecDocumentError(file, "read", `is not valid YAML or JSON: ${first}`);
  }
  return assertUsableSpec(doc, file);
}
