// The queue between the proxy's forwarding and its judging thread: batched over a window, bounded by exchanges and bytes,
// and past the bound a new request waits, first come first go, until a batch is judged. Driven by hand: the test
// plays the judging thread, so nothing depends on timing.
import { describe, expect, it } from "vitest";
import { type FinishedExchange, unpackBatch } from "../../src/proxy/judging-batch.ts";
import { JudgingQueue, MAX_BATCH_BYTES, MAX_BATCH_EXCHANGES } from "../../src/proxy/judging-queue.ts";
import type { ProxiedExchange } from "../../src/proxy/proxied-entry.ts";

const startedAt = new Date("2025-01-02T03:04:05.000Z");

function exchange(body: Buffer | undefined, url = "http://127.0.0.1:1/api/video/logs"): ProxiedExchange {
  return {
    method: "GET",
    url,
    requestHeaders: ["Host", "127.0.0.1:1"],
    status: 200,
    statusText: "OK",
    responseHeaders: ["content-type", "application/json"],
    body,
    wireBytes: body?.length ?? 0,
    startedAt,
    time: 1,
  };
}

/**
 * A queue whose posts the test keeps, each batch unpacked as the judging thread reads it; its batch window is the
 * test's: `windows` holds each window scheduled and not yet cancelled, and calling one ends it.
 */
function handQueue(limits: { bytes: number; exchanges: number }) {
  const posts: { batch: FinishedExchange[] }[] = [];
  const windows = new Set<() => void>();
  const queue = new JudgingQueue(
    (packed) => void posts.push({ batch: unpackBatch(packed) }),
    limits,
    (flush) => {
      const end = () => {
        windows.delete(end);
        flush();
      };
      windows.add(end);
      return () => windows.delete(end);
    },
  );
  return { queue, posts, windows };
}

/** Which of `admissions` have resolved, after the microtasks queued so far have run. */
async function settled(admissions: (Promise<void> | undefined)[]): Promise<boolean[]> {
  const done = admissions.map(() => false);
  admissions.forEach((admission, i) => void admission?.then(() => (done[i] = true)));
  await new Promise((resolve) => setImmediate(resolve));
  return admissions.map((admission, i) => admission === undefined || done[i]!);
}

describe("JudgingQueue", () => {
  it("posts the exchanges that end within one batch window as one batch, in the order they ended", () => {
    const { queue, posts, windows } = handQueue({ bytes: 1 << 20, exchanges: 100 });
    for (const url of ["http://h/1", "http://h/2", "http://h/3"]) queue.add(exchange(undefined, url), false);
    expect(posts).toEqual([]);
    expect(windows.size).toBe(1);
    for (const end of windows) end();
    expect(posts.map(({ batch }) => batch.map((posted) => posted.exchange.url))).toEqual([
      ["http://h/1", "http://h/2", "http://h/3"],
    ]);
    expect(queue.size).toEqual({
      exchanges: 3,
      bytes: 3 * ("http://h/1".length + "Host127.0.0.1:1content-typeapplication/json".length),
    });
  });

  it("posts a full batch at once, by count or by bytes, and its window no longer posts anything", () => {
    const { queue, posts, windows } = handQueue({ bytes: 1 << 30, exchanges: 100_000 });
    for (let i = 0; i < MAX_BATCH_EXCHANGES; i++) queue.add(exchange(undefined, `http://h/${i}`), false);
    expect(posts.map(({ batch }) => batch.length)).toEqual([MAX_BATCH_EXCHANGES]);
    expect(windows.size).toBe(0);
    queue.add(exchange(Buffer.alloc(MAX_BATCH_BYTES, "x")), false);
    expect(posts.map(({ batch }) => batch.length)).toEqual([MAX_BATCH_EXCHANGES, 1]);
    expect(posts[1]!.batch[0]!.exchange.body!.length).toBe(MAX_BATCH_BYTES);
    expect(windows.size).toBe(0);
    queue.add(exchange(undefined, "http://h/after"), false);
    expect(windows.size).toBe(1);
    queue.flush();
    expect(windows.size).toBe(0);
    expect(posts.map(({ batch }) => batch.map((posted) => posted.exchange.url)).at(-1)).toEqual(["http://h/after"]);
  });

  it("makes a new request wait past the exchanges' bound, and lets the waiting go in order once a batch is judged", async () => {
    const { queue } = handQueue({ bytes: 1 << 20, exchanges: 2 });
    queue.add(exchange(undefined), false);
    queue.flush();
    expect(queue.admission()).toBeUndefined();
    queue.add(exchange(undefined), false);
    queue.flush();
    const waiting = [queue.admission(), queue.admission()];
    expect(await settled(waiting)).toEqual([false, false]);
    expect(queue.waiting).toBe(2);
    queue.judged();
    expect(await settled(waiting)).toEqual([true, true]);
    expect(queue.size.exchanges).toBe(1);
  });

  it("makes a new request wait past the bytes' bound, whatever the count", async () => {
    const { queue } = handQueue({ bytes: 4096, exchanges: 10_000 });
    queue.add(exchange(Buffer.alloc(5000, "x")), false);
    queue.flush();
    const waiting = [queue.admission()];
    expect(await settled(waiting)).toEqual([false]);
    queue.add(exchange(Buffer.alloc(10, "y")), false);
    queue.flush();
    queue.judged();
    // The second batch is still there, but under the bound.
    expect(await settled(waiting)).toEqual([true]);
    expect(queue.size.exchanges).toBe(1);
  });

  it("keeps a newcomer behind the requests already waiting, even when there is room again", async () => {
    const { queue } = handQueue({ bytes: 1 << 20, exchanges: 1 });
    queue.add(exchange(undefined), false);
    queue.flush();
    const first = queue.admission();
    queue.judged();
    const second = queue.admission();
    expect(await settled([first, second])).toEqual([true, true]);
    expect(second).toBeUndefined();
    queue.add(exchange(undefined), false);
    queue.flush();
    const third = queue.admission();
    const fourth = queue.admission();
    expect(await settled([third, fourth])).toEqual([false, false]);
  });

  it("lets every waiting request go when the proxy closes", async () => {
    const { queue } = handQueue({ bytes: 1 << 20, exchanges: 1 });
    queue.add(exchange(undefined), false);
    queue.flush();
    const waiting = [queue.admission(), queue.admission()];
    queue.close();
    expect(await settled(waiting)).toEqual([true, true]);
    expect(queue.admission()).toBeUndefined();
  });

  it("posts each body whole, from Node's shared pool or a buffer of its own, with whether it was too large", async () => {
    const { queue, posts } = handQueue({ bytes: 1 << 20, exchanges: 100 });
    const pooled = Buffer.from("a small body");
    const own = Buffer.concat([Buffer.alloc(8000, "a"), Buffer.alloc(8000, "b")]);
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    queue.add(exchange(pooled), false);
    queue.add(exchange(undefined), false);
    queue.add(exchange(own), true);
    queue.flush();
    const [{ batch }] = posts as [(typeof posts)[0]];
    expect(batch).toEqual([
      { exchange: exchange(pooled), tooLarge: false },
      { exchange: exchange(undefined), tooLarge: false },
      { exchange: exchange(own), tooLarge: true },
    ]);
  });
});
