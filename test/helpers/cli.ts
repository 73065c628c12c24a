// Starts the built `video-logs` executable as a user would: a child process of this Node, in a controlled environment,
// its output captured, never left running. Or, for the long tables beside such a run, the same runCli in this process.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isBuildCurrent } from "../../scripts/lib/build-inputs.ts";
import { captureIo } from "./capture-io.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = `${ROOT}bin/video-logs.js`;

export interface CliResult {
  code: number | null;
  /** The signal that ended the child (its time limit's SIGTERM, say); always null in-process. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run, in milliseconds. */
  ms: number;
}

/** Runs the CLI to its end: `runBin` (the built executable) or `runInProcess` (the runCli it runs). */
export type CliRunner = (args: string[], env?: Record<string, string>) => Promise<CliResult>;

export interface RunOptions {
  /** The child's working directory; default the repository's root. */
  cwd?: string;
  /** The child is killed (SIGTERM) after this long, so none is left behind; default 60 s. */
  timeoutMs?: number;
  /**
   * "never" reads everything; "at-once" closes the pipe before the CLI writes; "after-first-line" closes it once a line
   * has arrived, as `| head -n 1` does.
   */
  closeStdout?: "never" | "at-once" | "after-first-line";
  /** A file descriptor the child writes its stdout to instead of a pipe (the result's stdout is then empty). */
  stdoutFd?: number;
}

let current: boolean | undefined;

/**
 * Fails clearly when dist/ was not built, or was built from other sources (`npm test` builds it before the suites
 * run): a stale executable would be judged beside the in-process runs of src/. Checked once per worker.
 */
export function assertBuilt(): void {
  if (!existsSync(`${ROOT}dist/src/cli/main.js`)) throw new Error("dist/ is missing: run `npm run build` first");
  current ??= isBuildCurrent(ROOT);
  if (!current) throw new Error("dist/ was built from other sources: run `npm run build` first");
}

/**
 * The environment a test's CLI runs in: only PATH comes from the outer environment, so no SIGNALWIRE_* variable of the
 * developer's leaks into a test.
 */
export function cliEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "", ...env };
}

/** Children still running: ended with this process if the tests did not end them. */
const running = new Set<ChildProcess>();
const endRunning = () => {
  for (const child of running) child.kill("SIGTERM");
};

function track(child: ChildProcess): ChildProcess {
  if (running.size === 0) process.on("exit", endRunning);
  running.add(child);
  child.once("exit", () => {
    running.delete(child);
    if (running.size === 0) process.off("exit", endRunning);
  });
  return child;
}

/** Runs the built `video-logs` with `args` to its end, in the environment `cliEnv(env)`. */
export function runBin(args: string[], env: Record<string, string> = {}, options: RunOptions = {}): Promise<CliResult> {
  return runNode([BIN, ...args], { ...options, env });
}

/**
 * Runs `node` with these arguments to its end (the built executable, or a script that imports it), output captured, in
 * the environment `cliEnv(env)`, its stdin empty.
 */
export function runNode(
  args: string[],
  {
    env,
    cwd = ROOT,
    timeoutMs = 60_000,
    closeStdout = "never",
    stdoutFd,
  }: RunOptions & { env?: Record<string, string> } = {},
): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, args, {
        cwd,
        env: cliEnv(env),
        stdio: ["ignore", stdoutFd ?? "pipe", "pipe"],
        timeout: timeoutMs,
      }),
    );
    let stdout = "";
    let stderr = "";
    if (child.stdout) {
      child.stdout.setEncoding("utf8");
      if (closeStdout === "at-once") child.stdout.destroy();
      child.stdout.on("data", (chunk: string) => {
        stdout += chunk;
        if (closeStdout === "after-first-line" && stdout.includes("\n")) child.stdout!.destroy();
      });
    }
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}

/** A long-running `video-logs` (such as `video-logs mock`), read while it runs. */
export interface BinChild {
  readonly pid: number | undefined;
  /** What it has written to stdout so far. */
  stdout(): string;
  /** What it has written to stderr so far. */
  stderr(): string;
  /** Resolves with stdout once `ready(stdout)` holds; rejects if the child exits first. */
  waitForStdout(ready: (stdout: string) => boolean): Promise<string>;
  /** Resolves with stderr once `ready(stderr)` holds (a command that says it is ready there); rejects if it exits first. */
  waitForStderr(ready: (stderr: string) => boolean): Promise<string>;
  /** Sends `signal` unless the child has ended already; resolves with its exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the built `video-logs` with `args` in the environment `cliEnv(env)` and leaves it running: the test stops it
 * (`stop()`), and one this process did not stop is ended with the process.
 */
export function startBin(args: string[], env: Record<string, string> = {}, { cwd = ROOT } = {}): BinChild {
  const child = track(
    spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] }),
  );
  let stdout = "";
  let stderr = "";
  const waiting = new Set<() => void>();
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const check of waiting) check();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    for (const check of waiting) check();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // A child that could not be started never exits: its error fails the waits instead.
  let failure: Error | undefined;
  child.once("error", (error) => {
    failure = error;
    for (const check of waiting) check();
  });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const waitFor = (output: () => string, ready: (text: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      if (ended()) return reject(new Error(`video-logs ${args[0]} has exited: ${output()}`));
      const check = () => {
        if (failure) reject(failure);
        else if (!ready(output())) return;
        waiting.delete(check);
        resolve(output());
      };
      waiting.add(check);
      check();
      child.once("exit", (code) => reject(new Error(`video-logs ${args[0]} exited early with ${code}: ${stderr}`)));
    });
  return {
    pid: child.pid,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStdout: (ready) => waitFor(() => stdout, ready),
    waitForStderr: (ready) => waitFor(() => stderr, ready),
    stop(signal = "SIGINT") {
      if (failure) return Promise.resolve(null);
      if (!ended()) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Runs the same `runCli` that bin/video-logs.js runs, in this process, with captured output and only `cliEnv(env)` as
 * its environment (the CLI reads its environment from the io it is given). For the long tables of one behaviour whose
 * child-process run is kept as its own test: no Node start and no module loading per case.
 */
export async function runInProcess(
  args: string[],
  env: Record<string, string> = {},
  { terminal = false } = {},
): Promise<CliResult> {
  const started = performance.now();
  const { runCli } = await import("../../src/cli/main.ts");
  const { io, stdout, stderr } = captureIo();
  // `terminal`: stdout says it is a terminal, as a TTY does (what colours output unless the environment says not to).
  if (terminal) Object.assign(io.stdout, { isTTY: true });
  const code = await runCli(args, { ...io, env: cliEnv(env) });
  return { code, signal: null, stdout: stdout(), stderr: stderr(), ms: performance.now() - started };
}
