// Runs the shared walker or `$ref` resolver on one side's document, so that a reference it refuses becomes that side's
// DocumentError (exit code 2) with the document named.
import { RefError } from "../openapi/resolve-ref.ts";
import { escapeTerminal as t } from "../report/escape-terminal.ts";
import { DocumentError, type LoadedDocument } from "./load-document.ts";

export function readDocument<T>(source: LoadedDocument, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RefError)) throw error;
    throw new DocumentError(source.side, `${source.side} document "${t(source.label)}": ${t(error.message)}`);
  }
}
