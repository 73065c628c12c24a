// `check --baseline FILE` is read before any request, and `check --write-baseline FILE` is checked before any: a
// baseline that cannot be used stops the command (exit 2) with what is wrong; nothing is sent.
import type { Baseline } from "../check/baseline.ts";
import { CommandFailure } from "./command-failure.ts";
import { assertWritable } from "./io.ts";
import { UsageError } from "./usage-error.ts";

export async function readBaseline(file: string): Promise<Baseline> {
  // Loaded only for --baseline: the ignore file's schema is compiled by ajv there.
  const { BaselineFileError, readBaselineFile } = await import("../check/baseline-file.ts");
  try {
    return await readBaselineFile(file);
  } catch (error) {
    if (error instanceof BaselineFileError) throw new CommandFailure(...error.lines);
    throw error;
  }
}

/** Where `--write-baseline FILE` writes: a file of its own, in a writable folder. */
export function writeBaselineTarget(file: string | undefined) {
  if (file === undefined) return undefined;
  if (file === "")
    throw new UsageError("--write-baseline needs a file name", "For example: --write-baseline known-drift.json");
  assertWritable(file, "the baseline");
  return file;
}
