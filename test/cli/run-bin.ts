// Runs the built `video-logs` executable as a user would, with a controlled environment; or, for the long tables
// beside such a run, the same runCli in this process.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isBuildCurrent } from "../../scripts/lib/build-inputs.ts";
import { captureIo } from "../helpers/capture-io.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = `${root}bin/video-logs.js`;

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let current: boolean | undefined;

/**
 * Fails clearly when dist/ was not built, or was built from other sources (`npm test` builds it before the suites
 * run): a stale executable would be judged beside the in-process runs of src/. Checked once per worker.
 */
export function assertBuilt(): void {
  if (!existsSync(`${root}dist/src/cli/main.js`)) throw new Error("dist/ is missing: run `npm run build` first");
  current ??= isBuildCurrent(root);
  if (!current) throw new Error("dist/ was built from other sources: run `npm run build` first");
}

export function runBin(args: string[], env: Record<string, string> = {}): Promise<BinResult> {
  return runNode([BIN, ...args], { env });
}

/**
 * Runs `node` with these arguments to its end, output captured. Only PATH comes from the outer environment: no
 * SIGNALWIRE_* variable of the developer's leaks into a test.
 */
export function runNode(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? root,
      env: { PATH: process.env.PATH ?? "", ...options.env },
      timeout: options.timeoutMs,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the same `runCli` that bin/video-logs.js runs, in this process, with captured output and only `env` as its
 * environment (the CLI reads its environment from the io it is given). For the long tables of one behaviour whose
 * child-process run is kept as its own test: no Node start and no module loading per case.
 */
export async function runInProcess(
  args: string[],
  env: Record<string, string> = {},
  { terminal = false } = {},
): Promise<BinResult> {
  const { runCli } = await import("../../src/cli/main.ts");
  const { io, stdout, stderr } = captureIo();
  // `terminal`: stdout says it is a terminal, as a TTY does (what colours output unless the environment says not to).
  if (terminal) Object.assign(io.stdout, { isTTY: true });
  const code = await runCli(args, { ...io, env: { PATH: process.env.PATH ?? "", ...env } });
  return { code, stdout: stdout(), stderr: stderr() };
}
