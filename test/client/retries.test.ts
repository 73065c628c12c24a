import { describe, expect, it } from "vitest";
import { isNetworkError, isTimeoutError } from "../../src/index.ts";
import { type Handler, sendJson } from "../helpers/local-server.ts";
import { completedLog, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();
const clientWith = servers.clientWith;

/** A clock that stands still and a sleep that only records the wait, so no test waits for real. */
function recordingClock(now: number) {
  const waits: number[] = [];
  return { waits, options: { now: () => now, sleep: async (ms: number) => void waits.push(ms) } };
}

/** Answers with `first` on the first request and the log afterwards. */
const failOnceThen =
  (first: Handler): Handler =>
  (req, res, index) =>
    index === 0 ? first(req, res, index) : sendJson(res, 200, completedLog);

describe("retries", () => {
  it("retries a 503 and returns the log of the next attempt", async () => {
    const client = await clientWith(failOnceThen((_q, res) => sendJson(res, 503, { error: "Service Unavailable" })));
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    expect(servers.server.requests).toHaveLength(2);
  });

  it("waits for a 429's Retry-After given in seconds", async () => {
    const clock = recordingClock(Date.UTC(2026, 0, 1));
    const client = await clientWith(
      failOnceThen((_q, res) => sendJson(res, 429, {}, { "retry-after": "1" })),
      clock.options,
    );
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    expect(clock.waits).toEqual([1000]);
    expect(servers.server.requests).toHaveLength(2);
  });

  it("waits for a 429's Retry-After given as an HTTP date, counted from the client's clock", async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0, 250);
    const clock = recordingClock(now);
    const client = await clientWith(
      failOnceThen((_q, res) => sendJson(res, 429, {}, { "retry-after": new Date(now + 2750).toUTCString() })),
      clock.options,
    );
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    // The date has whole seconds: 12:00:03 is 2750 ms after 12:00:00.250.
    expect(clock.waits).toEqual([2750]);
  });

  it("waits with a back-off between attempts when no Retry-After is given", async () => {
    const clock = recordingClock(Date.UTC(2026, 0, 1));
    const client = await clientWith((_q, res) => sendJson(res, 503, {}), {
      ...clock.options,
      retries: 2,
      retryDelay: { baseMs: 100, maxMs: 150 },
    });
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ status: 503 });
    // Full jitter: attempt n waits a random time in [0, min(maxMs, baseMs·2ⁿ)).
    expect(clock.waits).toHaveLength(2);
    expect(clock.waits[0]).toBeLessThan(100);
    expect(clock.waits[1]).toBeLessThan(150);
    expect(servers.server.requests).toHaveLength(3);
  });

  it("waits for real by default: 100 ms when the clock says the Retry-After date is 100 ms away", async () => {
    const date = Math.ceil(Date.now() / 1000) * 1000 + 5000;
    const client = await clientWith(
      failOnceThen((_q, res) => sendJson(res, 429, {}, { "retry-after": new Date(date).toUTCString() })),
      {
        now: () => date - 100,
      },
    );
    const started = performance.now();
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("gives up at once when Retry-After asks for longer than maxRetryAfterMs", async () => {
    const client = await clientWith((_q, res) => sendJson(res, 429, {}, { "retry-after": "120" }), {
      maxRetryAfterMs: 1000,
    });
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ name: "ApiError", status: 429 });
    expect(servers.server.requests).toHaveLength(1);
  });

  it("retries a reset connection", async () => {
    const client = await clientWith(failOnceThen((req) => req.socket.destroy()));
    await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
    expect(servers.server.requests).toHaveLength(2);
  });

  it("throws a NetworkError once the retries are spent", async () => {
    const client = await clientWith((req) => req.socket.destroy(), { retries: 2 });
    const error = await client.getLog(VALID_ID).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect(servers.server.requests).toHaveLength(3);
  });

  it("throws a TimeoutError for an attempt that hangs, after its retries", async () => {
    const client = await clientWith(() => undefined, { timeoutMs: 100, retries: 1 });
    const error = await client.getLog(VALID_ID).catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 100, method: "GET" });
    expect(servers.server.requests).toHaveLength(2);
  });

  it("times out a body that stops half-way", async () => {
    const client = await clientWith(
      (_q, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
        res.write('{"id":');
      },
      { timeoutMs: 150, retries: 0 },
    );
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("does not retry a 404", async () => {
    const client = await clientWith((_q, res) => sendJson(res, 404, { error: "Not Found" }));
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ status: 404 });
    expect(servers.server.requests).toHaveLength(1);
  });

  it("returns the last 500 as an ApiError when every attempt fails", async () => {
    const client = await clientWith((_q, res) => sendJson(res, 500, { error: "Internal Server Error" }), {
      retries: 2,
    });
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({
      status: 500,
      body: { error: "Internal Server Error" },
    });
    expect(servers.server.requests).toHaveLength(3);
  });

  // Each aborts once the server has the request (not after a timer): on a loaded machine a timer could fire before
  // the request arrived, and the test would then judge an abort before sending instead.
  it("stops at once when the signal aborts during a Retry-After wait", async () => {
    let answered!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
    const client = await clientWith((_q, res) => {
      sendJson(res, 503, {}, { "retry-after": "30" });
      answered();
    });
    const controller = new AbortController();
    const started = performance.now();
    const pending = client.getLog(VALID_ID, { signal: controller.signal });
    await firstAnswer;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    // Far less than the 30 s Retry-After asks for.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(servers.server.requests).toHaveLength(1);
  });

  it("stops at once when the signal aborts during a hanging request", async () => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const client = await clientWith(() => received());
    const controller = new AbortController();
    const pending = client.getLog(VALID_ID, { signal: controller.signal });
    await arrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(servers.server.requests).toHaveLength(1);
  });
});
