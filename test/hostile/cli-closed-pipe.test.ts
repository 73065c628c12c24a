// `video-logs list | head` and `check --format json | head`: a reader that goes away ends the command quietly.
import { execFile } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { PassThrough, Writable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReplayServer, startReplayServer } from "../../contract-tests/replay/replay-server.ts";
import { runCli } from "../../src/cli/main.ts";
import { assertBuilt, BIN, cliEnv, runBin } from "../helpers/cli.ts";
import { sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID, pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const env = { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN };
/** A replay server answers with its recordings whatever the parameters: only the checks a recording can satisfy. */
const REPLAY_CHECKS = ["--checks", "response-schema,status-code,content-type,not-a-server-error,authentication"];
const servers = serverPerTest();
let clean: ReplayServer;
let drifted: ReplayServer;

beforeAll(async () => {
  assertBuilt();
  [clean, drifted] = await Promise.all([
    startReplayServer({ fixtureSet: "clean", projectId: PROJECT_ID, apiToken: API_TOKEN }),
    startReplayServer({ fixtureSet: "drifted", projectId: PROJECT_ID, apiToken: API_TOKEN }),
  ]);
});
afterAll(async () => {
  await Promise.all([clean?.stop(), drifted?.stop()]);
});

/** The summary line check writes on stderr for the clean API when the text report is not on stdout. */
const cleanSummary = () =>
  `OK: 0 breaking, 0 additive findings; 14 requests, 14 judged: 14 conform (base-url ${clean.url})\n`;

/**
 * Runs the same runCli as the built executable, in this process, with a stdout whose reader is gone: every write fails
 * with EPIPE, reported on a later tick as a closed pipe is. `writes` counts the writes attempted.
 */
async function runWithClosedPipe(args: string[]): Promise<{ code: number; stderr: string; writes: number }> {
  let writes = 0;
  const stdout = new Writable({
    write(_chunk, _encoding, done) {
      writes++;
      done(Object.assign(new Error("write EPIPE"), { code: "EPIPE", errno: -32, syscall: "write" }));
    },
  });
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
  const code = await runCli(args, { stdout, stderr, env: cliEnv(env) });
  return { code, stderr: Buffer.concat(chunks).toString("utf8"), writes };
}

/** An endless listing: every page holds 100 logs and links to the next one. */
async function endlessListing() {
  return servers.start((req, res, index) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    if (url.pathname !== "/api/video/logs") return sendJson(res, 404, { error: "Not Found" });
    const next = `/api/video/logs?page_token=${index + 1}`;
    sendJson(res, 200, pageOf(100, { self: req.url!, first: "/api/video/logs", next }, index * 100));
  });
}

describe("the CLI writing to a reader that goes away", () => {
  it("ends list quietly with exit 0 and stops requesting pages", async () => {
    const server = await endlessListing();
    const run = await runBin(["list", "--base-url", server.url], env, { closeStdout: "after-first-line" });
    expect(run.stderr).toBe("");
    expect(run).toMatchObject({ code: 0, signal: null });
    // The pipe holds a few pages before a write fails; the endless listing must not be read on.
    expect(server.requests.length).toBeLessThan(20);
  });

  // The built executable's list meets a closed pipe above and in the shell pipeline below; this variation runs in-process.
  it("ends list quietly when the pipe is closed before anything is written", async () => {
    const server = await endlessListing();
    const run = await runWithClosedPipe(["list", "--base-url", server.url]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.writes).toBeGreaterThan(0);
    expect(server.requests.length).toBeLessThan(20);
  });

  // Quietly: no error about the pipe. The summary line goes to stderr whenever the text report is not on stdout.
  it("ends check --format json quietly with the verdict of a clean API (0)", async () => {
    const run = await runBin(["check", ...REPLAY_CHECKS, "--base-url", clean.url, "--format", "json"], env, {
      closeStdout: "at-once",
    });
    expect(run.stderr).toBe(cleanSummary());
    expect(run).toMatchObject({ code: 0, signal: null });
  });

  // The built executable meets a closed pipe with the json report above; the other formats reach the runCli it runs,
  // in-process, with a stdout that fails every write with EPIPE, as a pipe whose reader is gone does.
  it.each(["text", "junit", "markdown"])(
    "ends check --format %s quietly with the verdict of a clean API (0)",
    async (format) => {
      const run = await runWithClosedPipe(["check", ...REPLAY_CHECKS, "--base-url", clean.url, "--format", format]);
      expect(run.stderr).toBe(format === "text" ? "" : cleanSummary());
      expect(run).toMatchObject({ code: 0, writes: 1 });
    },
  );

  it("ends check --format json quietly with the verdict of a drifted API (1), not a crash", async () => {
    const run = await runBin(["check", ...REPLAY_CHECKS, "--base-url", drifted.url, "--format", "json"], env, {
      closeStdout: "at-once",
    });
    expect(run.stderr).toBe(
      `DRIFT: 4 breaking, 2 additive findings; 14 requests, 14 judged: 7 conform, 5 with breaking drift, 2 with additive drift only (base-url ${drifted.url})\n`,
    );
    expect(run).toMatchObject({ code: 1, signal: null });
  });

  it("ends get quietly with exit 0", async () => {
    const server = await servers.start((_req, res) => sendJson(res, 200, pageOf(1, { self: "/", first: "/" }).data[0]));
    const run = await runBin(["get", "00000000-0000-4000-8000-000000000000", "--base-url", server.url], env, {
      closeStdout: "at-once",
    });
    expect(run.stderr).toBe("");
    expect(run).toMatchObject({ code: 0, signal: null });
  });

  it("in a real shell pipeline with pipefail, `list | head -n 1` prints one log and the pipeline succeeds", async () => {
    const server = await endlessListing();
    const { stdout, stderr } = await promisify(execFile)(
      "bash",
      [
        "--norc",
        "--noprofile",
        "-c",
        'set -o pipefail; "$0" "$1" list --base-url "$2" | head -n 1',
        process.execPath,
        BIN,
        server.url,
      ],
      { env: cliEnv(env), timeout: 30_000 },
    );
    expect(stderr).toBe("");
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ id: "00000000-0000-4000-8000-000000000000" });
  });

  it("says so on stderr and exits 2 when stdout cannot be written for another reason than a closed pipe", async () => {
    // A descriptor opened for reading only: every write fails with EBADF.
    const readOnly = openSync("/dev/null", "r");
    try {
      const { code, stderr } = await runBin(["--help"], {}, { stdoutFd: readOnly, timeoutMs: 30_000 });
      expect(stderr).toBe("video-logs: cannot write the output: EBADF: bad file descriptor, write\n");
      expect(code).toBe(2);
    } finally {
      closeSync(readOnly);
    }
  });
});
