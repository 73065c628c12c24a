// Runs a child process to completion with captured output, a hard time limit and no process left behind.
import { spawn } from "node:child_process";
import { dirname } from "node:path";

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run, in milliseconds. */
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The child is killed (SIGKILL) after this long; default 120 s. */
  timeoutMs?: number;
}

// The variables npm sets for a script (`npm test`) would make a nested npm act on this repository, not the consumer.
const KEPT_NPM_VARIABLES = new Set(["npm_config_cache", "npm_config_userconfig", "npm_config_registry"]);

/**
 * The environment of a user's shell: this process's, minus the npm script variables and any SignalWire credential,
 * with `nodeBin` first on PATH so that `npm` and `#!/usr/bin/env node` scripts run on the Node line under test.
 */
export function consumerEnv(extra: NodeJS.ProcessEnv = {}, nodeBin = process.execPath): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith("npm_") && !KEPT_NPM_VARIABLES.has(name.toLowerCase())) continue;
    if (name.startsWith("SIGNALWIRE_")) continue;
    env[name] = value;
  }
  env.PATH = `${dirname(nodeBin)}:${process.env.PATH ?? ""}`;
  return { ...env, NO_COLOR: "1", ...extra };
}

export function runProcess(command: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? consumerEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Runs a Node script or CLI entry on the Node line under test. */
export function runNode(args: string[], options: RunOptions): Promise<ProcessResult> {
  return runProcess(process.execPath, args, options);
}
