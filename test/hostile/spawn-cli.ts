// Runs the built `video-logs` with a reader on its stdout that may go away early, as `| head` does.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = `${ROOT}bin/video-logs.js`;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * `closeStdout`: "never" reads everything; "at-once" closes the pipe before the CLI writes; "after-first-line" closes
 * it once a line has arrived. The child is killed after `timeoutMs`, so none is left behind.
 */
export function spawnCli(
  args: string[],
  env: Record<string, string>,
  {
    closeStdout = "never",
    timeoutMs = 30_000,
  }: { closeStdout?: "never" | "at-once" | "after-first-line"; timeoutMs?: number } = {},
): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: timeoutMs,
    });
    let stdout = "";
    let stderr = "";
    if (closeStdout === "at-once") child.stdout.destroy();
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (closeStdout === "after-first-line" && stdout.includes("\n")) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}
