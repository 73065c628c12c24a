// The one error a history file that cannot be used raises: unreadable, too large, not JSON, foreign, or of another
// version. The file is then left exactly as it is. The message never quotes the file's text.

export type HistoryFileProblem = "unreadable" | "too-large" | "not-json" | "foreign" | "other-version" | "unwritable";

export class HistoryFileError extends Error {
  override name = "HistoryFileError";
  readonly problem: HistoryFileProblem;

  constructor(problem: HistoryFileProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

export function isHistoryFileError(error: unknown): error is HistoryFileError {
  return error instanceof HistoryFileError;
}
