import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VideoLogsClient } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

const servers = serverPerTest();

/** A server whose pages wait until the test answers them: each request is handed to the test as it arrives. */
function heldPages() {
  const arrivals: { n: number; req: IncomingMessage; res: ServerResponse; closed: Promise<void> }[] = [];
  const waiters: (() => void)[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const n = Number(new URL(req.url!, "http://x").searchParams.get("page_token") ?? 0);
    const closed = new Promise<void>((resolve) => res.on("close", () => resolve()));
    arrivals.push({ n, req, res, closed });
    waiters.splice(0).forEach((wake) => {
      wake();
    });
  };
  /** The request for page n, once it has arrived. */
  const arrival = async (n: number) => {
    for (;;) {
      const found = arrivals.find((a) => a.n === n);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const answer = async (n: number, last = 5) => {
    const { res } = await arrival(n);
    sendJson(
      res,
      200,
      pageOf(
        2,
        {
          self: `/api/video/logs?page_token=${n}`,
          first: "/api/video/logs",
          ...(n < last ? { next: `/api/video/logs?page_token=${n + 1}` } : {}),
        },
        n * 2,
      ),
    );
  };
  return { handler, arrivals, arrival, answer };
}

/** Lets every pending callback and I/O event run (no timer involved). */
const settle = async (turns = 20) => {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe("iterateLogs reads one page ahead", () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeEach(() => {
    rejections.length = 0;
    process.on("unhandledRejection", onRejection);
  });
  afterEach(() => {
    process.off("unhandledRejection", onRejection);
  });

  /** An iteration over held pages whose first page has been answered and whose first item has been read. */
  async function pastFirstPage<T>(iterate: (client: VideoLogsClient) => AsyncGenerator<T, void, undefined>) {
    const pages = heldPages();
    const iterator = iterate(await servers.clientWith(pages.handler))[Symbol.asyncIterator]();
    const first = iterator.next();
    await pages.answer(0);
    await first;
    return { pages, iterator };
  }

  it("requests the next page while the consumer is still on the current one", async () => {
    const { pages, iterator } = await pastFirstPage((client) => client.iterateLogs());
    // The consumer holds the first log of page 0: page 1 is asked for all the same.
    await pages.arrival(1);
    expect(pages.arrivals.map((a) => a.n)).toEqual([0, 1]);
    await iterator.return(undefined);
  });

  it("never reads more than one page ahead, however fast the pages come", async () => {
    const { pages, iterator } = await pastFirstPage((client) => client.iterateLogs());
    await pages.answer(1);
    await settle();
    expect(pages.arrivals.map((a) => a.n)).toEqual([0, 1]);
    // Moving on to page 1 asks for page 2, and still no further.
    await iterator.next();
    const onPageOne = await iterator.next();
    expect(onPageOne.value).toMatchObject({ id: "00000000-0000-4000-8000-000000000002" });
    await pages.arrival(2);
    await settle();
    expect(pages.arrivals.map((a) => a.n)).toEqual([0, 1, 2]);
    await iterator.return(undefined);
  });

  it("yields every log in order, page after page, when read to the end", async () => {
    const pages = heldPages();
    const client = await servers.clientWith((req, res) => {
      pages.handler(req, res);
      void pages.answer(pages.arrivals.at(-1)!.n, 3);
    });
    const ids: string[] = [];
    for await (const log of client.iterateLogs()) ids.push(log.id);
    expect(ids).toEqual(Array.from({ length: 8 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`));
    expect(pages.arrivals.map((a) => a.n)).toEqual([0, 1, 2, 3]);
  });

  it("aborts the page asked for ahead when the consumer breaks, and leaves no request open", async () => {
    const pages = heldPages();
    const client = await servers.clientWith(pages.handler);
    const reading = (async () => {
      for await (const _log of client.iterateLogs()) {
        // Break once the page ahead has reached the server, so there is a request to cancel.
        await pages.arrival(1);
        break;
      }
    })();
    await pages.answer(0);
    await reading;
    const ahead = await pages.arrival(1);
    // The loop ends only once the request ahead has ended: the server sees its connection close, unanswered.
    await ahead.closed;
    expect(ahead.res.writableEnded).toBe(false);
    await settle();
    expect(rejections).toEqual([]);
  });

  it("aborts the page asked for ahead when the consumer calls return", async () => {
    const { pages, iterator } = await pastFirstPage((client) => client.iterateLogs());
    const ahead = await pages.arrival(1);
    await expect(iterator.return(undefined)).resolves.toEqual({ done: true, value: undefined });
    await ahead.closed;
    expect(ahead.res.writableEnded).toBe(false);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    await settle();
    expect(rejections).toEqual([]);
  });

  it("aborts the page asked for ahead when the caller's signal aborts, and throws the abort", async () => {
    const pages = heldPages();
    const client = await servers.clientWith(pages.handler);
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const log of client.iterateLogs({}, { signal: controller.signal })) seen.push(log.id);
    })();
    const failed = expect(reading).rejects.toMatchObject({ name: "AbortError" });
    await pages.answer(0);
    const ahead = await pages.arrival(1);
    controller.abort();
    await failed;
    await ahead.closed;
    expect(ahead.res.writableEnded).toBe(false);
    expect(pages.arrivals.map((a) => a.n)).toEqual([0, 1]);
    await settle();
    expect(rejections).toEqual([]);
  });

  it("lets iterate (the generic method) read ahead the same way", async () => {
    const { pages, iterator } = await pastFirstPage((client) => client.iterate("list_logs", { query: {} }));
    const ahead = await pages.arrival(1);
    await iterator.return(undefined);
    await ahead.closed;
    expect(ahead.res.writableEnded).toBe(false);
  });

  it("keeps pages() lazy: the next page is asked for only when the consumer asks for it", async () => {
    const { pages, iterator } = await pastFirstPage((client) => client.pages("list_logs", { query: {} }));
    await settle();
    expect(pages.arrivals.map((a) => a.n)).toEqual([0]);
    await iterator.return(undefined);
  });
});
