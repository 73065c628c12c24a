// Hostile pagination links and Retry-After values: loops end before any log repeats; odd waits get the back-off.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeQuery } from "../../src/client/normalize-query.ts";
import { parseRetryAfter } from "../../src/client/retry-delay.ts";
import { type Handler, sendJson } from "../helpers/local-server.ts";
import { completedLog, pageOf, VALID_ID } from "../helpers/sample-bodies.ts";
import { serverPerTest } from "../helpers/server-per-test.ts";
import { thrownBy } from "./hostile-helpers.ts";

const servers = serverPerTest();

/**
 * A server whose pages are chosen by `pageFor(query)` (the raw query string the client sent): it answers page n
 * with logs 2n and 2n+1 and the next link `links[n]`.
 */
const pagesBy =
  (pageFor: (query: string) => number, links: (string | ((origin: string) => string) | undefined)[]): Handler =>
  (req, res) => {
    const query = req.url!.split("?")[1] ?? "";
    const n = pageFor(query);
    const link = links[n];
    const next = typeof link === "function" ? link(servers.server.origin) : link;
    sendJson(res, 200, pageOf(2, { self: req.url!, first: "/api/video/logs", ...(next ? { next } : {}) }, n * 2));
  };

async function iterate(handler: Handler, query = {}) {
  const client = await servers.clientWith(handler);
  const seen: string[] = [];
  const error = await thrownBy(async () => {
    for await (const log of client.iterateLogs(query)) seen.push(log.id);
  }).catch(() => undefined);
  return { seen, error, requests: servers.server.requests.length };
}

const byToken = (query: string) => Number(new URLSearchParams(query).get("t") ?? 0);

describe("iterateLogs catches a pagination loop before any log is yielded twice", () => {
  it.each<[string, Handler, Record<string, unknown>, number]>([
    [
      "a link back to the first page, which had no query",
      pagesBy(byToken, ["/api/video/logs?t=1", "/api/video/logs"]),
      {},
      2,
    ],
    [
      "a link back to the first page, with its query parameters reordered",
      pagesBy(
        (q) => (q.includes("t=1") ? 1 : 0),
        ["/api/video/logs?t=1", "/api/video/logs?include_deleted=true&page_size=2"],
      ),
      { page_size: 2, include_deleted: true },
      2,
    ],
    [
      "a link to the same page with another spelling of its query",
      pagesBy(byToken, ["/api/video/logs?t=1&a=b", "/api/video/logs?a=b&t=1"]),
      {},
      2,
    ],
    ["a self link", pagesBy(byToken, ["/api/video/logs?t=1", "/api/video/logs?t=1"]), {}, 2],
    [
      "%2f then %2F",
      pagesBy((q) => (q.includes("x") ? 1 : 0), ["/api/video/logs?x=a%2fb", "/api/video/logs?x=a%2Fb"]),
      {},
      2,
    ],
    [
      "+ then %20",
      pagesBy((q) => (q.includes("x") ? 1 : 0), ["/api/video/logs?x=a+b", "/api/video/logs?x=a%20b"]),
      {},
      2,
    ],
    [
      "an unreserved character escaped (%41 for A)",
      pagesBy((q) => (q.includes("x") ? 1 : 0), ["/api/video/logs?x=A", "/api/video/logs?x=%41"]),
      {},
      2,
    ],
    [
      "empty pairs and a leading &",
      pagesBy((q) => (q.includes("x") ? 1 : 0), ["/api/video/logs?x=1", "/api/video/logs?&&x=1&"]),
      {},
      2,
    ],
    [
      "an absolute link to a page read through a relative one",
      pagesBy(byToken, ["/api/video/logs?t=1", "/api/video/logs?t=2", (origin) => `${origin}/api/video/logs?t=1`]),
      {},
      3,
    ],
    [
      "a fragment on a link to a page already read",
      pagesBy(byToken, ["/api/video/logs?t=1", "/api/video/logs?t=1#again"]),
      {},
      2,
    ],
    [
      "a cycle of three pages",
      pagesBy(byToken, ["/api/video/logs?t=1", "/api/video/logs?t=2", "/api/video/logs?t=1"]),
      {},
      3,
    ],
    [
      "a new token for every page, always with the same logs",
      (req, res) => {
        const n = Number(new URLSearchParams(req.url!.split("?")[1]).get("t") ?? 0);
        sendJson(
          res,
          200,
          pageOf(2, { self: req.url!, first: "/api/video/logs", next: `/api/video/logs?t=${n + 1}` }, n === 0 ? 0 : 2),
        );
      },
      {},
      3,
    ],
  ])("%s", async (_label, handler, query, pagesRead) => {
    const client = await servers.clientWith(handler);
    const seen: string[] = [];
    const error = await thrownBy(async () => {
      for await (const log of client.iterateLogs(query)) seen.push(log.id);
    });
    expect(error).toMatchObject({
      name: "ContractViolationError",
      violations: [{ keyword: "pagination", pointer: "/links/next" }],
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(servers.server.requests).toHaveLength(pagesRead);
  });

  it.each([
    ["%2B (a plus) and + (a space)", ["/api/video/logs?x=a%2Bb", "/api/video/logs?x=a+b"]],
    ["the same parameter with two values in either order", ["/api/video/logs?x=1&x=2", "/api/video/logs?x=2"]],
    ["a name and a value that only look alike", ["/api/video/logs?a=b", "/api/video/logs?a%3Db="]],
  ])("but follows links that differ only seemingly: %s", async (_label, links) => {
    const handler = pagesBy((q) => (q === "" ? 0 : q === links[0]!.split("?")[1] ? 1 : 2), [...links, undefined]);
    const { seen, error, requests } = await iterate(handler);
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(6);
    expect(requests).toBe(3);
  });

  it("keeps a page's next link apart from an earlier page's query only by its decoded parameters", async () => {
    const { seen, requests } = await iterate(
      pagesBy(byToken, ["/api/video/logs?t=1", "/api/video/logs?t=2", undefined]),
    );
    expect(seen).toHaveLength(6);
    expect(requests).toBe(3);
  });
});

describe("Retry-After is read only as delta-seconds or an RFC 9110 HTTP-date", () => {
  const now = Date.UTC(2026, 10, 26, 12, 0, 0);
  it.each<[string, number | undefined]>([
    ["0", 0],
    ["5", 5000],
    [" 7 ", 7000],
    ["Thu, 26 Nov 2026 12:00:30 GMT", 30_000],
    ["Thursday, 26-Nov-26 12:00:30 GMT", 30_000],
    ["Thu Nov 26 12:00:30 2026", 30_000],
    ["Thu Nov  6 12:00:00 2026", 0],
    ["Sun, 06 Nov 1994 08:49:37 GMT", 0],
    ["Sunday, 06-Nov-94 08:49:37 GMT", 0],
    ["-1", undefined],
    ["1.5", undefined],
    ["+5", undefined],
    ["1, 2", undefined],
    ["0x10", undefined],
    ["1e3", undefined],
    ["５", undefined],
    ["", undefined],
    ["soon", undefined],
    ["2026-11-26T12:00:30Z", undefined],
    ["Thu, 26 Nov 2026 12:00:30 +0000", undefined],
    ["thu, 26 nov 2026 12:00:30 gmt", undefined],
    ["Thu, 31 Feb 2026 12:00:30 GMT", undefined],
    ["Thu, 26 Nov 2026 24:00:00 GMT", undefined],
    ["Thu, 26 Nov 2026 12:00:30 GMT, Thu, 26 Nov 2026 12:00:31 GMT", undefined],
    ["Thu, 26 Nov 26 12:00:30 GMT", undefined],
    ["Thursday, 26-Nov-2026 12:00:30 GMT", undefined],
  ])("%j → %s ms", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it("reads an RFC 850 year more than 50 years ahead as the last century's", () => {
    expect(parseRetryAfter("Monday, 01-Jan-90 00:00:00 GMT", now)).toBe(0);
    // 2076 is less than 50 years ahead of 2026: it stays in this century.
    expect(parseRetryAfter("Wednesday, 01-Jan-76 00:00:00 GMT", now)).toBe(Date.UTC(2076, 0, 1) - now);
  });

  it.each(["-1", "1.5", "+5", "1, 2", "Tue, 31 Feb 2026 00:00:00 GMT"])(
    "retries a 503 whose Retry-After is %j as one without it, never refusing it as too long",
    async (header) => {
      const client = await servers.clientWith(
        (_q, res, i) =>
          i === 0 ? sendJson(res, 503, { error: "busy" }, { "retry-after": header }) : sendJson(res, 200, completedLog),
        { retries: 1, maxRetryAfterMs: 0 },
      );
      // maxRetryAfterMs 0: a value read as any positive wait would end the call at once instead of retrying.
      await expect(client.getLog(VALID_ID)).resolves.toEqual(completedLog);
      expect(servers.server.requests).toHaveLength(2);
    },
  );

  it("fails at once, without waiting, on a readable Retry-After longer than maxRetryAfterMs", async () => {
    const client = await servers.clientWith(
      (_q, res) => sendJson(res, 429, { error: "slow down" }, { "retry-after": "120" }),
      {
        retries: 3,
        maxRetryAfterMs: 60_000,
      },
    );
    await expect(client.getLog(VALID_ID)).rejects.toMatchObject({ name: "ApiError", status: 429 });
    expect(servers.server.requests).toHaveLength(1);
  });
});

describe("normalizeQuery gives one spelling per query", () => {
  /** Percent-encodes `text` in one of the many ways a server may: escapes optional or not, either hex case, + or %20. */
  const spelling = (text: string, choices: boolean[]) =>
    [...text]
      .map((ch, i) => {
        const pick = choices[i % Math.max(choices.length, 1)] ?? false;
        if (ch === " ") return pick ? "+" : "%20";
        const escaped = encodeURIComponent(ch);
        const forced = [...Buffer.from(ch)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
        if (escaped === ch) return pick ? forced.toUpperCase() : ch;
        return pick ? escaped.toLowerCase() : escaped;
      })
      .join("");
  const pairs = fc.array(fc.tuple(fc.string({ unit: "grapheme", minLength: 1 }), fc.string({ unit: "grapheme" })), {
    maxLength: 6,
  });

  it("for the same parameters in any order and any spelling", () => {
    fc.assert(
      fc.property(pairs, fc.array(fc.boolean(), { minLength: 1 }), fc.integer(), (params, choices, seed) => {
        const plain = params.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&");
        const shuffled = [...params].sort(() => {
          seed = (seed * 1103515245 + 12345) | 0;
          return seed & 1 ? 1 : -1;
        });
        const odd = shuffled.map(([n, v]) => `${spelling(n, choices)}=${spelling(v, choices)}`).join("&");
        expect(normalizeQuery(odd)).toBe(normalizeQuery(plain));
      }),
      { numRuns: 200 },
    );
  });

  it("and different spellings for different parameters", () => {
    fc.assert(
      fc.property(pairs, pairs, (a, b) => {
        const query = (ps: [string, string][]) =>
          ps.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&");
        const sorted = (ps: [string, string][]) =>
          ps
            .map((p) => JSON.stringify(p))
            .sort()
            .join();
        fc.pre(sorted(a) !== sorted(b));
        expect(normalizeQuery(query(a))).not.toBe(normalizeQuery(query(b)));
      }),
      { numRuns: 200 },
    );
  });
});
