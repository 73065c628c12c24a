/**
 * A command that was called right but could not do its work: a target it cannot reach, credentials the API refused, a
 * file it cannot write. The CLI prints the message and exits 2, without pointing to --help (that is for usage errors).
 */
export class CommandFailure extends Error {
  override name = "CommandFailure";
  /** The message's lines, escaped one by one as a UsageError's are. */
  readonly lines: readonly string[];

  constructor(...lines: [string, ...string[]]) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}
