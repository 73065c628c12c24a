// A command never writes two outputs to one file, nor an output over a file it reads: `check` would overwrite the
// recording it judged, `diff` the document it compared. Two names are one file when they share an inode (a symlink,
// a hard link, `./x` and `x`), or, for a file not written yet, when they would create it in the same place (through a
// linked folder or a dangling link). Refused before anything is read, sent or written.
import { lstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./usage-error.ts";

/** A file a command reads or writes, with how its messages name it; `file` undefined: none (stdout, say). */
export interface NamedFile {
  /** For an output, its flag ("--out", "--report json"); for an input, what it is ("the file --har reads"). */
  name: string;
  file: string | undefined;
}

/** Links followed at most through a chain of dangling links, as the system's own limit (ELOOP) does. */
const MAX_LINKS = 40;

/**
 * What `file` is, as a string equal for every name of the same file: its device and inode when it exists; else the
 * real path of where writing it would create it.
 */
export function fileIdentity(file: string): string {
  const path = resolve(file);
  try {
    const { dev, ino } = statSync(path);
    return `inode ${dev}:${ino}`;
  } catch {
    return `path ${whereWritingCreates(path, 0)}`;
  }
}

/** The real path a write to `path` (which does not exist) creates: a dangling link's target, in its real folder. */
function whereWritingCreates(path: string, links: number): string {
  const folder = realFolder(dirname(path));
  const here = join(folder, basename(path));
  const target = links < MAX_LINKS ? linkTarget(here) : undefined;
  return target === undefined ? here : whereWritingCreates(resolve(folder, target), links + 1);
}

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    // A folder that does not exist: nothing can be written there, and the write's own check says so.
    return folder;
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

const quote = (file: string) => JSON.stringify(file);

/** `"x"`, or `"x" and "y"` when the two names of the one file are spelled differently. */
function spellings(first: string, second: string): string {
  return first === second ? quote(first) : `${quote(first)} and ${quote(second)}`;
}

/**
 * Refuses, with a UsageError naming both, an output that is the same file as an input or as another output. Outputs
 * whose file is undefined (stdout) are never the same file.
 */
export function assertSeparateFiles(inputs: readonly NamedFile[], outputs: readonly NamedFile[]): void {
  const written = outputs
    .filter((output): output is NamedFile & { file: string } => output.file !== undefined)
    .map((output) => ({ ...output, identity: fileIdentity(output.file) }));
  for (const input of inputs) {
    if (input.file === undefined) continue;
    const identity = fileIdentity(input.file);
    const clash = written.find((output) => output.identity === identity);
    if (clash)
      throw new UsageError(
        `${clash.name} would overwrite ${input.name}, ${spellings(input.file, clash.file)}: write to another file`,
      );
  }
  const seen = new Map<string, (typeof written)[number]>();
  for (const output of written) {
    const first = seen.get(output.identity);
    if (first)
      throw new UsageError(
        `${first.name} and ${output.name} name the same file, ${spellings(first.file, output.file)}: give each its own`,
      );
    seen.set(output.identity, output);
  }
}
