// What every document gate is: a name, the sentence a failing document earns, and the problems it finds.
import type { SpecProblem } from "../../errors/spec-document-error.ts";
import { escapeToken } from "../json-pointer.ts";
import type { OpenApiDocument } from "../openapi-document.ts";

export interface DocumentGate {
  /** A short name: `openapi-3.1`, `refs`… */
  readonly name: string;
  /** What a document that fails this gate is, as it follows the file's name: "is not a valid OpenAPI 3.1 document". */
  readonly reason: string;
  /** Every problem this gate finds, in document order; the gates before it have passed. */
  problems(doc: OpenApiDocument): SpecProblem[];
}

/** A pointer as a problem names it: `#` and the JSON pointer (`#/paths/~1logs/get`; `#` alone is the document). */
export const located = (pointer: string): string => `#${pointer}`;

/** A pointer one token further. */
export const childOf = (pointer: string, ...tokens: (string | number)[]): string =>
  pointer + tokens.map((token) => `/${escapeToken(token)}`).join("");

/** A value of the document quoted in a message: JSON, cut at 60 characters. */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
