// A long walk holds the page it is on (and the one read ahead), not the pages behind it: the first page included,
// which the walk's own frames used to keep until its end.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { Exchange } from "../../src/index.ts";
import { sendJson } from "../helpers/local-server.ts";
import { pageOf } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";

setFlagsFromString("--expose-gc");
/** A full collection, from a context created after the flag was set. */
const collectGarbage = runInNewContext("gc") as () => void;
const servers = serverPerTest();

/** Four pages of two logs, linked by page_number. */
const fourPages = (req: { url?: string }, res: Parameters<typeof sendJson>[0]) => {
  const page = Number(new URL(req.url!, "http://x").searchParams.get("page_number") ?? 0);
  const next = page < 3 ? { next: `/api/video/logs?page_number=${page + 1}` } : {};
  sendJson(res, 200, pageOf(2, { self: req.url!, first: "/api/video/logs", ...next }, page * 2));
};

describe("a walk's memory", () => {
  it.each([
    ["pages", false],
    ["pages with a page read ahead", true],
  ] as const)("%s: the first page can be collected once the consumer has moved past it", async (_name, prefetch) => {
    const client = await servers.clientWith(fourPages);
    const walk = prefetch ? client.iterate("list_logs", {}) : client.pages("list_logs", {});
    let first: WeakRef<object> | undefined;
    if (prefetch) {
      // The items of the first page are its parsed body's own objects.
      first = new WeakRef((await walk.next()).value as object);
      for (let i = 0; i < 5; i++) await walk.next();
    } else {
      first = new WeakRef(((await walk.next()).value as { exchange: Exchange }).exchange);
      for (let i = 0; i < 2; i++) await walk.next();
    }
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(first.deref()).toBeUndefined();
    await walk.return(undefined);
  });
});
