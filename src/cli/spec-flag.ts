// `--spec FILE` (check, get, list): judge by this OpenAPI 3.1 document instead of the built-in spec. The document passes
// the document gates first (src/openapi/document-gates.ts); then its tables become the active spec, before the command
// does anything else. Without the flag nothing is loaded: the generated modules stay the spec.
import { parseArgs } from "node:util";
import { SpecDocumentError } from "../errors/spec-document-error.ts";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";
import { type SpecTables, useSpec } from "../operations/active-spec.ts";
import { CommandFailure } from "./command-failure.ts";
import type { FlagRow } from "./flag-table.ts";
import { UsageError } from "./usage-error.ts";

export const SPEC_FLAG = {
  name: "spec",
  type: "string",
  placeholder: "FILE",
  description:
    "judge by this OpenAPI 3.1 document (YAML or JSON, one file: bundle one split over files) instead of the built-in spec; it is checked first, and one that fails a check is refused (exit 2) before anything is sent",
} as const satisfies FlagRow;

/** A spec given with `--spec`, in use. */
export interface GivenSpec {
  file: string;
  document: OpenApiDocument;
  tables: SpecTables;
}

/** The refusal as the CLI prints it: what is wrong with the file, then each problem on a line of its own. */
function refusal(error: SpecDocumentError): CommandFailure {
  const lines = SpecDocumentError.problemLines(error.problems, error.more).map((line) => `  ${line}`);
  return new CommandFailure(`--spec ${error.file} ${error.reason}`, ...lines);
}

/** Reads, checks and makes active the spec in `file`; undefined (the built-in spec stays) without the flag. */
export async function useSpecFlag(file: string | undefined): Promise<GivenSpec | undefined> {
  if (file === undefined) return undefined;
  if (file === "") throw new UsageError("--spec needs a file name", "For example: --spec patched.yaml");
  // Loaded only for --spec: the gates and ajv's compiler cost a command without it nothing.
  const [{ readSpecFile }, { specTablesFromDocument }] = await Promise.all([
    import("../openapi/read-spec-file.ts"),
    import("../validation/spec-tables-from-document.ts"),
  ]);
  let document: OpenApiDocument;
  try {
    document = readSpecFile(file);
  } catch (error) {
    throw error instanceof SpecDocumentError ? refusal(error) : error;
  }
  const tables = specTablesFromDocument(document, file);
  useSpec(tables);
  return { file, document, tables };
}

/**
 * The `--spec` value among a command's arguments, read before they are parsed: a command whose flags come from the
 * spec (get, list) needs the spec first. The parser then reads the arguments in full and refuses what is wrong.
 */
export function specFlagIn(args: readonly string[]): string | undefined {
  const { values } = parseArgs({
    args: [...args],
    options: { spec: { type: "string" } },
    strict: false,
    allowPositionals: true,
  });
  return typeof values.spec === "string" ? values.spec : undefined;
}

/** The report's note that says which spec judged it. */
export const specNote = (spec: GivenSpec): string =>
  `judged by the spec in ${spec.file} (--spec), not the built-in one`;
