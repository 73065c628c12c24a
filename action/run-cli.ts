// Runs the package's own `video-logs` (built beside this script) as a child, in the workspace, its output captured.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** bin/video-logs.js of the checkout this script was built in (dist/action/ → the root). */
export const CLI = fileURLToPath(new URL("../../bin/video-logs.js", import.meta.url));

export interface CliRun {
  code: number;
  stderr: string;
}

/** Runs the CLI with `args` in `cwd`; its stdout and stderr go to the step's log (the runner masks the secrets). */
export function runCli(args: string[], cwd: string, env: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      // Kept bounded: only its end is shown again when the check could not run.
      stderr = (stderr + chunk).slice(-20_000);
      process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 2, stderr }));
  });
}
