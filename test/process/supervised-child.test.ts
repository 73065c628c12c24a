import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SupervisedChild, startSupervisedNode } from "../../src/process/supervised-child.ts";

const MODULE_URL = pathToFileURL(fileURLToPath(new URL("../../src/process/supervised-child.ts", import.meta.url))).href;
const TSX_LOADER_URL = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

let dir: string;
const started: SupervisedChild[] = [];
const strays: number[] = [];
const parents: ChildProcess[] = [];

async function script(name: string, code: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, code);
  return path;
}

function supervise(path: string, options: Parameters<typeof startSupervisedNode>[2] = {}): SupervisedChild {
  const child = startSupervisedNode(path, [], options);
  started.push(child);
  return child;
}

/** True while `pid` is a live process (a zombie waiting to be reaped counts as gone). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "video-logs-supervised-"));
});

afterAll(async () => {
  for (const parent of parents) if (parent.exitCode === null && parent.signalCode === null) parent.kill("SIGKILL");
  await Promise.all(started.map((child) => child.stop()));
  for (const pid of strays) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

describe("a supervised node child", () => {
  it("hands every non-empty line to onLine without colour codes and keeps only the last ones", async () => {
    const path = await script(
      "talk.mjs",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the child's source code, with a template literal of its own
      'for (let i = 1; i <= 5; i++) console.log(`\\u001b[32mline ${i}\\u001b[0m\\n`); console.error("done"); setInterval(() => {}, 1000);',
    );
    const seen: string[] = [];
    const child = supervise(path, { onLine: (line) => seen.push(line), keptLines: 3 });
    expect(await child.waitUntil(async () => seen.includes("done"), { timeoutMs: 10_000, intervalMs: 20 })).toBe(
      "ready",
    );
    expect(seen.slice(0, 5)).toEqual(["line 1", "line 2", "line 3", "line 4", "line 5"]);
    expect(child.recentLines()).toHaveLength(3);
    expect(child.recentLines()).toContain("done");
    await child.stop();
    expect(child.hasEnded()).toBe(true);
  });

  it("stop() kills a child that ignores SIGTERM once the grace period is over", async () => {
    const path = await script(
      "stubborn.mjs",
      'process.on("SIGTERM", () => console.log("ignored")); console.log("up"); setInterval(() => {}, 1000);',
    );
    const child = supervise(path, { stopGraceMs: 300 });
    expect(
      await child.waitUntil(async () => child.recentLines().includes("up"), { timeoutMs: 10_000, intervalMs: 20 }),
    ).toBe("ready");
    await child.stop();
    expect(child.endDescription()).toMatch(/signal SIGKILL/);
    expect(isRunning(child.pid!)).toBe(false);
  });

  it("waitUntil answers 'ended' when the child exits before it is ready, and says how it ended", async () => {
    const path = await script("quits.mjs", 'console.error("cannot go on"); process.exit(3);');
    const child = supervise(path);
    expect(await child.waitUntil(async () => false, { timeoutMs: 10_000, intervalMs: 20 })).toBe("ended");
    expect(child.endDescription()).toBe("exited early (code 3, signal none)");
  });

  it("waitUntil answers 'timeout' when the child never gets ready in time", async () => {
    const path = await script("idle.mjs", "setInterval(() => {}, 1000);");
    const child = supervise(path);
    expect(await child.waitUntil(async () => false, { timeoutMs: 100, intervalMs: 20 })).toBe("timeout");
    expect(child.hasEnded()).toBe(false);
    await child.stop();
  });

  it("dies with the process that started it when that process is killed with SIGKILL", async () => {
    const idle = await script("orphan.mjs", "setInterval(() => {}, 1000);");
    const code = [
      `const { startSupervisedNode } = await import(${JSON.stringify(MODULE_URL)});`,
      `const child = startSupervisedNode(${JSON.stringify(idle)}, []);`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the child's source code, with a template literal of its own
      "console.log(`CHILD_PID=${child.pid}`);",
      "setInterval(() => {}, 1000);",
    ].join("\n");
    const parent = spawn(process.execPath, ["--import", TSX_LOADER_URL, "--input-type=module", "-e", code], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    parents.push(parent);
    let output = "";
    const childPid = await new Promise<number>((resolve, reject) => {
      parent.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
        const match = /CHILD_PID=(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      parent.once("exit", (exitCode) => reject(new Error(`the parent exited (${exitCode}) first:\n${output}`)));
    });
    strays.push(childPid);
    expect(isRunning(childPid)).toBe(true);
    parent.kill("SIGKILL");
    // The watchdog looks every 500 ms.
    const deadline = Date.now() + 5_000;
    while (isRunning(childPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(childPid)).toBe(false);
  });
});
