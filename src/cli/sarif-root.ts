// `--sarif-root DIR` (check, diff): the folder the SARIF and GitLab reports' file paths are relative to; without it, the
// working directory. Checked before anything is read or sent.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { FlagRow } from "./flag-table.ts";
import { UsageError } from "./usage-error.ts";

export const SARIF_ROOT_FLAG = {
  name: "sarif-root",
  type: "string",
  placeholder: "DIR",
  description:
    "the folder the sarif and gitlab reports' file paths are relative to, such as the repository's root (default: the working directory)",
} as const satisfies FlagRow;

/** The root folder, absolute: `--sarif-root`'s, or the working directory. */
export function sarifRoot(value: string | undefined): string {
  if (value === undefined) return process.cwd();
  const root = resolve(value);
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    // Not there: refused below, as a file is.
  }
  if (value === "" || !isFolder) throw new UsageError(`--sarif-root must name a folder, got ${JSON.stringify(value)}`);
  return root;
}
