/** A problem with how the CLI was called or set up; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
