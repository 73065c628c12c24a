import { accessSync, constants, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CommandFailure } from "./command-failure.ts";

/** Where a CLI command writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Set by runCli: aborts when stdout is closed, e.g. by `| head`; commands stop producing output then. */
  stdoutClosed?: AbortSignal;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  drift: 1,
  usage: 2,
} as const;

/** Fails before any work is done when `--out FILE` could not be written at the end. */
export function assertWritable(file: string, what = "the report"): void {
  try {
    accessSync(dirname(resolve(file)), constants.W_OK);
  } catch {
    throw new CommandFailure(`Cannot write ${what} to ${file}: its folder does not exist or is not writable`);
  }
}

/** Writes a command's report to `--out FILE` (saying so on stderr), or to stdout without it. */
export function writeOutput(
  io: CliIo,
  output: string,
  outFile: string | undefined,
  { quiet = false, written = "Report written" } = {},
): void {
  if (!outFile) {
    io.stdout.write(output);
    return;
  }
  writeFileSync(outFile, output);
  if (!quiet) io.stderr.write(`${written} to ${outFile}\n`);
}
