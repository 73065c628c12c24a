// The proxy's two threads in this process: forwarding held back by the judging queue's bound, the real judging thread
// (run from source) answering in the order it was fed, and a judging thread that fails stopping the proxy with a
// clear, redacted error instead of hanging, leaving no recording's temporary file behind.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CommandFailure } from "../../src/cli/command-failure.ts";
import { proxyCommand } from "../../src/cli/commands/proxy.ts";
import type { JudgingSetup } from "../../src/cli/commands/proxy-judging-worker.ts";
import { JudgingQueue } from "../../src/proxy/judging-queue.ts";
import { JudgingThread } from "../../src/proxy/judging-thread.ts";
import { type RunningProxy, startProxy } from "../../src/proxy/start-proxy.ts";
import { captureIo } from "../helpers/capture-io.ts";
import { type LocalServer, startLocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID, VALID_ID } from "../helpers/sample-bodies.ts";

const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`;
const WORKER = new URL("../../src/cli/commands/proxy-judging-worker.ts", import.meta.url);
const THROWING_WORKER = new URL("./fixtures/throwing-judging-worker.ts", import.meta.url);

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    })
      .on("error", reject)
      .end();
  });
}

/** The upstream: a valid get_log, echoing the credentials it got. */
function logHandler(req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/json", "x-echo": req.headers.authorization ?? "" });
  res.end(JSON.stringify(completedLog));
}

let upstream: LocalServer | undefined;
let proxy: RunningProxy | undefined;
let thread: JudgingThread | undefined;
let dir: string | undefined;
afterEach(async () => {
  await proxy?.close();
  await thread?.terminate();
  await upstream?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  [proxy, thread, upstream, dir] = [undefined, undefined, undefined, undefined];
});

/** Runs the proxy command in this process with `args`; resolves its URL once it listens. */
function proxyInProcess(args: string[], worker?: URL) {
  const { io, stderr } = captureIo();
  const listening = new Promise<string>((resolve) =>
    io.stderr.on("data", () => {
      const url = /listening on (http:\S+) ->/.exec(stderr())?.[1];
      if (url) resolve(url);
    }),
  );
  const stopped = proxyCommand(args, io, undefined, worker);
  stopped.catch(() => {});
  return { listening, stopped };
}

const setup = (origin: string): JudgingSetup => ({
  spec: undefined,
  upstream: `${origin}/`,
  strict: false,
  checks: undefined,
  skipChecks: undefined,
  maxBodyBytes: 1 << 20,
  record: undefined,
  propose: false,
  quiet: true,
});

/** The proxy in this process in front of `origin`, feeding `queue` (the test plays the judging thread). */
const proxyFeeding = (queue: JudgingQueue, origin: string) =>
  startProxy({
    upstream: new URL(origin),
    host: "127.0.0.1",
    port: 0,
    timeoutMs: 30_000,
    maxBodyBytes: 1 << 20,
    judging: queue,
    redact: (text) => text,
  });

describe("the proxy past its judging queue's bound", () => {
  it("holds a new request back, unforwarded, until the judging thread has judged a batch", async () => {
    upstream = await startLocalServer(logHandler);
    // Each exchange its own batch, posted once its response has ended: one judged() frees one.
    const eachAlone = (flush: () => void) => {
      queueMicrotask(flush);
      return () => {};
    };
    const queue = new JudgingQueue(() => {}, { bytes: 1 << 20, exchanges: 2 }, eachAlone);
    proxy = await proxyFeeding(queue, upstream.origin);
    const path = `${proxy.url}/api/video/logs/${VALID_ID}`;
    for (let i = 0; i < 2; i++) expect((await get(path)).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    const third = get(path);
    // Polled: the request reaching the proxy has no event of its own; the wait is generous for a loaded machine.
    await vi.waitFor(() => expect(queue.waiting).toBe(1), { timeout: 20_000, interval: 5 });
    expect(upstream.requests).toHaveLength(2);
    expect(proxy.forwarded).toBe(2);
    queue.judged();
    expect(await third).toEqual({ status: 200, body: JSON.stringify(completedLog) });
    expect(upstream.requests).toHaveLength(3);
    expect(queue.size.exchanges).toBe(2);
  });

  it("answers 503 to a request still waiting for room when the proxy stops, and never forwards it", async () => {
    upstream = await startLocalServer(logHandler);
    const queue = new JudgingQueue(() => {}, { bytes: 1 << 20, exchanges: 1 });
    const running = await proxyFeeding(queue, upstream.origin);
    const path = `${running.url}/api/video/logs/${VALID_ID}`;
    expect((await get(path)).status).toBe(200);
    const held = get(path);
    // Polled: the request reaching the proxy has no event of its own; the wait is generous for a loaded machine.
    await vi.waitFor(() => expect(queue.waiting).toBe(1), { timeout: 20_000, interval: 5 });
    await running.close();
    expect(await held).toEqual({
      status: 503,
      body: JSON.stringify({
        error: "proxy-stopping",
        message: "the proxy is stopping: this request waited for room to be judged and was not forwarded",
        upstream: upstream.origin,
      }),
    });
    expect({ upstream: upstream.requests.length, forwarded: running.forwarded }).toEqual({ upstream: 1, forwarded: 1 });
  });
});

describe("JudgingThread", () => {
  it("judges what it is fed, reports it, and passes back the credentials it collected", async () => {
    upstream = await startLocalServer(logHandler);
    thread = await JudgingThread.start(WORKER, setup(upstream.origin));
    proxy = await startProxy({
      upstream: new URL(upstream.origin),
      host: "127.0.0.1",
      port: 0,
      timeoutMs: 30_000,
      maxBodyBytes: 1 << 20,
      judging: thread.queue,
      redact: (text) => thread!.redact(text),
    });
    for (let i = 0; i < 3; i++) await get(`${proxy.url}/api/video/logs/${VALID_ID}`, { authorization: BASIC });
    const report = await thread.report(proxy.forwarded);
    expect(report.summary).toEqual({ requests: 3, checked: 3, passed: 3, breaking: 0, additive: 0, errors: 0 });
    expect(thread.queue.size).toEqual({ exchanges: 0, bytes: 0 });
    expect(thread.redact(`refused ${BASIC} (${API_TOKEN})`)).toBe("refused [REDACTED] ([REDACTED])");
  });

  it("stops the proxy command when judging throws: a CommandFailure (exit 2) quoting the error redacted, the proxy closed", async () => {
    upstream = await startLocalServer(logHandler);
    const { listening, stopped } = proxyInProcess(["--upstream", upstream.origin], THROWING_WORKER);
    const url = await listening;
    expect((await get(`${url}/api/video/logs/${VALID_ID}`, { authorization: BASIC })).status).toBe(200);
    await expect(stopped).rejects.toEqual(
      new CommandFailure(
        "the proxy's judging thread failed: the observer failed on [REDACTED]",
        "The proxy stopped; what it had judged was lost, and no report was written.",
      ),
    );
    await expect(get(`${url}/api/video/logs/${VALID_ID}`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("removes the recording's temporary file when judging throws: no recording, nothing hidden left beside it", async () => {
    upstream = await startLocalServer(logHandler);
    dir = mkdtempSync(join(tmpdir(), "video-logs-judging-thread-"));
    const args = ["--upstream", upstream.origin, "--record", join(dir, "traffic.har")];
    const { listening, stopped } = proxyInProcess(args, THROWING_WORKER);
    const url = await listening;
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\.traffic\.har\.\d+\.[0-9a-f]{8}\.tmp$/)]);
    expect((await get(`${url}/api/video/logs/${VALID_ID}`)).status).toBe(200);
    await expect(stopped).rejects.toEqual(
      new CommandFailure(
        "the proxy's judging thread failed: the observer failed on ",
        "The proxy stopped; what it had judged was lost, and no report was written.",
      ),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes the recording's temporary file when the proxy cannot listen", async () => {
    upstream = await startLocalServer(logHandler);
    dir = mkdtempSync(join(tmpdir(), "video-logs-judging-thread-"));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = String((taken.address() as AddressInfo).port);
      const args = ["--upstream", upstream.origin, "--port", port, "--record", join(dir, "traffic.har")];
      await expect(proxyInProcess(args, WORKER).stopped).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      taken.close();
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
