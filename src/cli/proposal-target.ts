// Where `check --propose FILE` writes its Overlay proposal: checked before the check runs, like the reports' files.
// A proposal into a report's file is refused with the command's other files (same-file.ts).
import { assertWritable } from "./io.ts";
import { UsageError } from "./usage-error.ts";

export function proposalTarget(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  if (file === "") throw new UsageError("--propose needs a file name", "For example: --propose proposal.yaml");
  assertWritable(file, "the proposal");
  return file;
}
