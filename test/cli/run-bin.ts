// Runs the built `video-logs` executable as a user would, with a controlled environment.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = `${root}bin/video-logs.js`;

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails clearly when dist/ was not built (`npm test` builds it before the suites run). */
export function assertBuilt(): void {
  if (!existsSync(`${root}dist/src/cli/main.js`)) throw new Error("dist/ is missing: run `npm run build` first");
}

export function runBin(args: string[], env: Record<string, string> = {}): Promise<BinResult> {
  return runNode([BIN, ...args], { env });
}

/**
 * Runs `node` with these arguments to its end, output captured. Only PATH comes from the outer environment: no
 * SIGNALWIRE_* variable of the developer's leaks into a test.
 */
export function runNode(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? root, env: { PATH: process.env.PATH ?? "", ...options.env }, timeout: options.timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
