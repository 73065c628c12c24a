// A node child process that cannot outlive us: a watchdog preloaded into it, killed by our exit hooks, stopped with
// SIGTERM then SIGKILL, its output kept as lines (without colour codes) to quote when it fails.
import { type ChildProcess, spawn } from "node:child_process";
import { ChildEnd } from "./child-end.ts";
import { killOnExit } from "./exit-hooks.ts";
import { OutputLines } from "./output-lines.ts";
import { parentWatchdogImport } from "./parent-watchdog.ts";

export interface SupervisedChildOptions {
  /** Extra environment variables, over ours. */
  env?: Record<string, string>;
  /** Receives every non-empty line the child writes (stdout and stderr), without colour codes. */
  onLine?: (line: string) => void;
  /** How many of the last lines to keep for `recentLines()`; default 40. */
  keptLines?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL; default 3 s. */
  stopGraceMs?: number;
}

export interface SupervisedChild {
  /** Undefined when the process could not be spawned. */
  readonly pid: number | undefined;
  /** Resolves once the child has exited (or failed to spawn). */
  readonly ended: Promise<void>;
  hasEnded(): boolean;
  /** How the child ended, as "exited early (code 1, signal none)" or "could not be started (…)"; undefined while it runs. */
  endDescription(): string | undefined;
  /** The last lines the child wrote, oldest first. */
  recentLines(): string[];
  /** SIGTERM, then SIGKILL after the grace period; resolves once the child has exited. Idempotent. */
  stop(): Promise<void>;
  /** Polls `ready` every `intervalMs` until it answers true, the child ends, or `timeoutMs` passes. */
  waitUntil(
    ready: () => Promise<boolean>,
    timing: { timeoutMs: number; intervalMs: number },
  ): Promise<"ready" | "ended" | "timeout">;
}

/** Runs `node <script> <args…>` under supervision. */
export function startSupervisedNode(
  script: string,
  args: readonly string[],
  options: SupervisedChildOptions = {},
): SupervisedChild {
  const child = spawn(process.execPath, ["--import", parentWatchdogImport(process.pid), script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...options.env },
    windowsHide: true,
  });
  killOnExit(child);
  const output = new OutputLines(options.keptLines ?? 40, options.onLine);
  output.collect(child.stdout);
  output.collect(child.stderr);
  const end = new ChildEnd(child);
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid,
    ended: end.ended,
    hasEnded: () => end.hasEnded,
    endDescription: () => end.description(),
    recentLines: () => output.recent(),
    stop: () => (stopping ??= stopChild(child, end, options.stopGraceMs ?? 3_000)),
    waitUntil: (ready, timing) => waitUntil(end, ready, timing),
  };
}

/** SIGTERM, then SIGKILL once the grace period is over; resolves once the child has exited. */
async function stopChild(child: ChildProcess, end: ChildEnd, graceMs: number): Promise<void> {
  if (end.hasEnded || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    await end.ended;
  } finally {
    clearTimeout(killTimer);
  }
}

async function waitUntil(
  end: ChildEnd,
  ready: () => Promise<boolean>,
  { timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number },
): Promise<"ready" | "ended" | "timeout"> {
  const deadline = Date.now() + timeoutMs;
  while (!end.hasEnded) {
    if (await ready()) return "ready";
    if (Date.now() > deadline) return "timeout";
    await Promise.race([end.ended, new Promise((resolveDelay) => setTimeout(resolveDelay, intervalMs))]);
  }
  return "ended";
}
