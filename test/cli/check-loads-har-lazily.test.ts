// The built CLI loads the recording check (its reader and the generated HAR validator) only for `check --har`: a live
// check never loads it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, BIN, runNode } from "../helpers/cli.ts";
import { harRecording, writeHar } from "../helpers/har-recording.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

/** A loader hook (in its own thread) that refuses the recording check's chunk, so that loading it shows as an error. */
const REFUSING_HOOK = `data:text/javascript,${encodeURIComponent(
  `export async function load(url, context, next) {
    // The chunk esbuild names after the module the CLI imports on first use ("run-har-check-<hash>.js").
    const name = url.slice(url.lastIndexOf("/") + 1).replace(/-[A-Z0-9]{8}\\.js$/, ".js");
    if (name === "run-har-check.js") throw new Error(name + " loaded");
    return next(url, context);
  }`,
)}`;

/** The built CLI with `args`, in a process whose loader refuses the recording check. */
function runRefusingHar(args: string[]) {
  const script = [
    `import { register } from "node:module";`,
    `register(${JSON.stringify(REFUSING_HOOK)});`,
    `process.argv.splice(1, Infinity, ${JSON.stringify(BIN)}, ...${JSON.stringify(args)});`,
    `await import(${JSON.stringify(BIN)});`,
  ].join("\n");
  return runNode(["--input-type=module", "-e", script], {
    env: { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN },
  });
}

describe("the recording check of the built CLI", () => {
  let space: LocalServer;
  let dir: string;
  beforeAll(async () => {
    assertBuilt();
    space = await startStandInSpace();
    dir = mkdtempSync(join(tmpdir(), "video-logs-har-lazily-"));
  });
  afterAll(async () => {
    await space.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is not loaded by a live check", async () => {
    const { code, stderr } = await runRefusingHar(["check", "--base-url", space.url, "--format", "json"]);
    expect(stderr).not.toContain("loaded");
    expect(code).toBe(0);
  });

  it("is loaded by `check --har`, on its first call", async () => {
    const file = writeHar(
      dir,
      "one.har",
      harRecording([{ url: `https://example.signalwire.com/api/video/logs/${completedLog.id}`, json: completedLog }]),
    );
    const { code, stderr } = await runRefusingHar(["check", "--har", file]);
    expect(stderr).toContain("run-har-check.js loaded");
    expect(code).not.toBe(0);
  });
});
