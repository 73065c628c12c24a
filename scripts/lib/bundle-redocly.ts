// Runs the Redocly CLI the repo pins, as a child process, with its telemetry and update check turned off.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const REDOCLY_CONFIG = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));
const REDOCLY_CLI = fileURLToPath(new URL("../../node_modules/@redocly/cli/bin/cli.js", import.meta.url));

export interface RedoclyRun {
  code: number;
  /** stdout and stderr together, in arrival order. */
  output: string;
}

/** Runs `redocly <args>` and resolves with its exit code and output; never rejects on a non-zero exit. */
export function runRedocly(args: string[]): Promise<RedoclyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [REDOCLY_CLI, ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        // Telemetry off also keeps the built docs page from reporting readers' visits.
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Like runRedocly, but throws with Redocly's own output when it fails. */
export async function mustRunRedocly(args: string[]): Promise<string> {
  const run = await runRedocly(args);
  if (run.code !== 0) throw new Error(`redocly ${args[0] ?? ""} exited with ${run.code}:\n${run.output}`);
  return run.output;
}
