import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../src/net/ports.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";
import { startLocalServer } from "../helpers/local-server.ts";
import { assertBuilt, runBin } from "./run-bin.ts";

const bin = fileURLToPath(new URL("../../bin/video-logs.js", import.meta.url));
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => children.forEach((child) => child.kill("SIGKILL")));

describe("video-logs mock", () => {
  it("serves the spec's examples on the given port until interrupted, then stops Prism", async () => {
    assertBuilt();
    const port = await findFreePort();
    const child = spawn(process.execPath, [bin, "mock", "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let stdout = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk) => {
        stdout += chunk;
        if (stdout.includes("listening on")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`mock exited early with ${code}: ${stdout}`)));
    });
    expect(stdout).toContain(`http://127.0.0.1:${port}`);

    const response = await fetch(`http://127.0.0.1:${port}/api/video/logs`, {
      headers: { authorization: `Basic ${Buffer.from("p:t").toString("base64")}` },
    });
    expect(response.status).toBe(200);
    expect(validateResponse("list_logs", 200, await response.json())).toEqual([]);

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/api/video/logs`)).rejects.toThrow();
  }, 30_000);

  it("exits 2 with a clear message when the port is taken", async () => {
    assertBuilt();
    const taken = await startLocalServer(() => undefined);
    try {
      const port = new URL(taken.url).port;
      const { code, stderr } = await runBin(["mock", "--port", port]);
      expect(code).toBe(2);
      expect(stderr).toContain(port);
      expect(stderr).not.toContain("    at ");
    } finally {
      await taken.close();
    }
  });
});
