// A node child process that cannot outlive us: a watchdog preloaded into it, killed by our exit hooks, stopped with
// SIGTERM then SIGKILL, its output kept as lines (without colour codes) to quote when it fails.
import { spawn } from "node:child_process";
import { killOnExit } from "./exit-hooks.ts";
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

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Runs `node <script> <args…>` under supervision. */
export function startSupervisedNode(
  script: string,
  args: readonly string[],
  options: SupervisedChildOptions = {},
): SupervisedChild {
  const keptLines = options.keptLines ?? 40;
  const child = spawn(process.execPath, ["--import", parentWatchdogImport(process.pid), script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...options.env },
    windowsHide: true,
  });
  killOnExit(child);

  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null): void => {
    if (!stream) return;
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      pending += chunk;
      const complete = pending.split(/\r?\n/);
      pending = complete.pop() ?? "";
      for (const raw of complete) {
        const line = raw.replace(ANSI, "");
        if (line.trim() === "") continue;
        lines.push(line);
        if (lines.length > keptLines) lines.shift();
        options.onLine?.(line);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);

  let spawnError: Error | undefined;
  let hasEnded = false;
  const ended = new Promise<void>((resolveEnd) => {
    const end = (): void => {
      hasEnded = true;
      resolveEnd();
    };
    child.once("exit", end);
    child.once("error", (error) => {
      spawnError = error;
      end();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (hasEnded || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), options.stopGraceMs ?? 3_000);
      try {
        await ended;
      } finally {
        clearTimeout(killTimer);
      }
    })();
    return stopping;
  };

  const waitUntil: SupervisedChild["waitUntil"] = async (ready, { timeoutMs, intervalMs }) => {
    const deadline = Date.now() + timeoutMs;
    while (!hasEnded) {
      if (await ready()) return "ready";
      if (Date.now() > deadline) return "timeout";
      await Promise.race([ended, new Promise((resolveDelay) => setTimeout(resolveDelay, intervalMs))]);
    }
    return "ended";
  };

  return {
    pid: child.pid,
    ended,
    hasEnded: () => hasEnded,
    endDescription: () => {
      if (spawnError) return `could not be started (${spawnError.message})`;
      if (!hasEnded) return undefined;
      return `exited early (code ${child.exitCode ?? "none"}, signal ${child.signalCode ?? "none"})`;
    },
    recentLines: () => [...lines],
    stop,
    waitUntil,
  };
}
