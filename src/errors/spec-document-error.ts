import { VideoLogsError } from "./video-logs-error.ts";

/** One problem of a document: where it is (a JSON pointer, `#/paths/…`) and what is wrong there. */
export interface SpecProblem {
  pointer: string;
  message: string;
}

/**
 * A spec document the toolkit cannot use (`--spec FILE`): it cannot be read, or fails one of the document gates
 * (src/openapi/document-gates.ts). Nothing is sent and nothing is judged by it.
 */
export class SpecDocumentError extends VideoLogsError {
  override name = "SpecDocumentError";

  constructor(
    /** The file as it was named. */
    readonly file: string,
    /** The gate the document failed (`openapi-3.1`, `refs`…), or `read` when it could not be read as a document. */
    readonly gate: string,
    /** What is wrong with it, as a sentence that follows the file's name. */
    readonly reason: string,
    /** The first problems found, each where it is. */
    readonly problems: readonly SpecProblem[] = [],
    /** How many more problems the gate found than it lists. */
    readonly more = 0,
  ) {
    super([`${file} ${reason}`, ...SpecDocumentError.problemLines(problems, more)].join("; "));
  }

  /** One line per problem (`#/pointer: what is wrong`), and how many more there are. */
  static problemLines(problems: readonly SpecProblem[], more: number): string[] {
    return [
      ...problems.map(({ pointer, message }) => `${pointer}: ${message}`),
      ...(more > 0 ? [`and ${more} more`] : []),
    ];
  }
}

export function isSpecDocumentError(error: unknown): error is SpecDocumentError {
  return error instanceof SpecDocumentError;
}
