// The Prism launcher must never leave a Prism process behind: not after stop(), and not when the process that started
// it is killed without warning.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type PrismServer, startPrismMock, startPrismProxy } from "../src/mock/start-prism.ts";

const LAUNCHER_URL = pathToFileURL(fileURLToPath(new URL("../src/mock/start-prism.ts", import.meta.url))).href;
const TSX_LOADER_URL = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const BASIC = `Basic ${Buffer.from("project:token").toString("base64")}`;

const startedServers: PrismServer[] = [];
const strayPids = new Set<number>();
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(startedServers.map((server) => server.stop()));
  for (const pid of strayPids) {
    if (isRunning(pid)) process.kill(pid, "SIGKILL");
  }
});

/** True while `pid` is a live process (a zombie waiting to be reaped counts as gone). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no procfs: trust kill(0)
  }
}

async function waitUntilGone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isRunning(pid);
}

// Each test starts Prism at least once, which takes seconds on a busy 2-core machine.
describe("the Prism launcher", { timeout: 30_000 }, () => {
  it("starts a mock that serves the spec's examples and leaves no process and a free port after stop()", async () => {
    const mock = await startPrismMock({});
    startedServers.push(mock);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(isRunning(mock.pid)).toBe(true);

    const response = await fetch(`${mock.url}/api/video/logs/c22d24f6-5a47-4597-9a23-c7d01e696b92`, {
      headers: { authorization: BASIC, prefer: "example=deleted_log" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ discarded_at: "2022-02-01T12:00:00Z" });

    await mock.stop();
    expect(isRunning(mock.pid)).toBe(false);
    await expect(fetch(mock.url)).rejects.toThrow();
    await mock.stop(); // a second stop is harmless

    // The port is free again: a new server can listen on it. A plain listener proves that as well as a second Prism
    // would (startPrismMock's own refusal of a taken port is the next test), without a second Prism start.
    const again = createServer();
    await new Promise<void>((resolve, reject) => again.once("error", reject).listen(mock.port, "127.0.0.1", resolve));
    expect((again.address() as AddressInfo).port).toBe(mock.port);
    await new Promise((resolve) => again.close(resolve));
  });

  it("refuses a port that is already taken instead of mistaking the other server for Prism", async () => {
    // The global setup's mock holds a port; the refusal comes before anything is spawned.
    const taken = Number(new URL(inject("prismUrl")).port);
    await expect(startPrismMock({ port: taken })).rejects.toThrow(/already in use/);
  });

  it("quotes Prism's own last lines when Prism exits before listening", async () => {
    const notASpec = fileURLToPath(new URL("../package.json", import.meta.url));
    await expect(startPrismMock({ specPath: notASpec })).rejects.toThrow(
      /exited early[\s\S]*Unsupported document format/,
    );
  });

  it("rejects a spec path that does not exist before spawning anything", async () => {
    await expect(startPrismMock({ specPath: "/nonexistent/spec.yaml" })).rejects.toThrow(/not found/);
    await expect(startPrismProxy({ upstream: "ftp://example.com" })).rejects.toThrow(/http/);
  });

  it("takes Prism down with the parent when the parent is killed with SIGKILL", async () => {
    const script = [
      `const { startPrismMock } = await import(${JSON.stringify(LAUNCHER_URL)});`,
      "const mock = await startPrismMock({});",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the child's source code, with a template literal of its own
      "console.log(`PRISM_PID=${mock.pid}`);",
      "setInterval(() => {}, 1000);",
    ].join("\n");
    const child = spawn(process.execPath, ["--import", TSX_LOADER_URL, "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));

    const prismPid = await new Promise<number>((resolve, reject) => {
      // Starting tsx and then Prism is CPU-bound: more than 20 s on a loaded 2-core machine. Only a failure waits this long.
      const timer = setTimeout(() => reject(new Error(`no Prism pid from the child within 90 s:\n${output}`)), 90_000);
      child.stdout.on("data", () => {
        const match = /PRISM_PID=(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the child exited (${code}) before starting Prism:\n${output}`));
      });
    });
    strayPids.add(prismPid);
    expect(isRunning(prismPid)).toBe(true);

    child.kill("SIGKILL");
    expect(await waitUntilGone(prismPid, 30_000)).toBe(true);
  }, 150_000);
});
