// The one error a HAR file that cannot be judged raises: too large, not UTF-8, not JSON, a key twice in one object, or
// not HAR 1.2. Its message names where in the file the problem is and never quotes the file's text (a recording holds
// credentials).

export type HarFileProblem = "unreadable" | "too-large" | "not-utf8" | "not-json" | "duplicate-key" | "not-har";

export class HarFileError extends Error {
  override name = "HarFileError";
  readonly problem: HarFileProblem;
  /**
   * Where: `line 3, column 7` for JSON syntax, a JSON pointer such as `/log/entries/3/response/status` for HAR, or
   * `/log/entries/0/request/headers` for the second of two equal keys.
   */
  readonly where: string | undefined;

  constructor(problem: HarFileProblem, message: string, where?: string) {
    super(message);
    this.problem = problem;
    this.where = where;
  }
}

export function isHarFileError(error: unknown): error is HarFileError {
  return error instanceof HarFileError;
}
