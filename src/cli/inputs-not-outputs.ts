// A file a command reads (--har, --baseline, --spec) is never one it writes (--out, --report, --propose): writing the
// report over the recording would destroy the evidence it judged. Refused before anything is read or sent.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./usage-error.ts";

export interface NamedFile {
  flag: string;
  file: string | undefined;
}

/** The same file: the same path, or (when both exist) the same inode on the same device, through a link. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export function assertInputsNotOutputs(inputs: readonly NamedFile[], outputs: readonly NamedFile[]): void {
  for (const input of inputs) {
    if (input.file === undefined) continue;
    const clash = outputs.find((output) => output.file !== undefined && sameFile(input.file!, output.file));
    if (clash)
      throw new UsageError(
        `${clash.flag} would overwrite the file ${input.flag} reads, ${JSON.stringify(input.file)}: write to another file`,
      );
  }
}
