// Spawns read-one-response.ts in its own process, so its peak RSS is its own; bounded in time.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./read-one-response.ts", import.meta.url));

export interface ChildOutcome {
  name: string;
  message?: string;
  status?: number;
  maxBodyBytes?: number;
  elapsedMs: number;
  baselineRssKb: number;
  peakRssKb: number;
}

export function readInChild(
  url: string,
  options: Record<string, unknown>,
  killAfterMs = 30_000,
): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, JSON.stringify({ url, options })], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const killer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      if (code !== 0) return reject(new Error(`child exited with ${code}: ${stderr.slice(0, 2000)}`));
      resolve(JSON.parse(stdout) as ChildOutcome);
    });
  });
}
