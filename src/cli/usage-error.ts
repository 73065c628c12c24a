/** A problem with how the CLI was called or set up; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
  /**
   * The message's lines. The CLI escapes each on its own: the line breaks between them are ours and stay line breaks,
   * while one inside a line (from a server, a document or an argument) is shown as `\n`.
   */
  readonly lines: readonly string[];

  constructor(...lines: [string, ...string[]]) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}
