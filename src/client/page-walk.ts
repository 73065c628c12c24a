// The one pagination loop (client, drift check, contract tests): reads a list operation page after page by following
// `links.next`, and says for each page how the walk goes on. The rule is the spec's: a list operation's 200 body is
// an object with `links` and a `data` array.
import { isContractViolationError } from "../errors/contract-violation-error.ts";
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";
import { listPageShapeViolation } from "../validation/list-page-shape.ts";
import type { Violation } from "../validation/violation.ts";
import type { Exchange } from "./exchange.ts";
import { nextPageUrl } from "./next-page-link.ts";
import { PagePrefetch } from "./page-prefetch.ts";
import { PaginationLoopGuard } from "./pagination-loop-guard.ts";

/** How the walk goes on after a page. */
export type PageEnd =
  /** The page has a link to follow: the walk requests `url` when asked for the next step. */
  | { kind: "next"; url: string }
  /** The last page (no `links.next`). */
  | { kind: "last" }
  /** Not a 2xx page that parses as JSON: the caller judges the exchange; the walk ends. */
  | { kind: "unreadable" }
  /** The page cannot be walked on: its shape, a loop or a link that is not a URL. */
  | { kind: "violation"; violation: Violation }
  /** `links.next` leaves the base URL or the listing: refused, never followed with the credentials. */
  | { kind: "unsafe"; error: UnsafeRedirectError };

export interface PageStep {
  exchange: Exchange;
  /** The page's items, when it has the shape the walk relies on. */
  items: unknown[];
  end: PageEnd;
}

/** How far the walk reads ahead of its consumer. */
export interface WalkAhead {
  /** The caller's signal: aborting it aborts the page requested ahead. */
  signal?: AbortSignal;
}

/**
 * Yields every page read with how the walk goes on. Without `ahead`, the next page is requested only when the consumer
 * asks for the next step, so a consumer that stops early sends nothing more. With `ahead`, the next page is requested
 * as a page is handed over (one page ahead at most, never more); a consumer that stops (`break`, `return`, a throw)
 * aborts that request and the walk ends only once it has ended.
 */
export async function* walkPages(
  first: Exchange,
  fetchPage: (url: string, signal?: AbortSignal) => Promise<Exchange>,
  baseUrl: string,
  ahead?: WalkAhead,
): AsyncGenerator<PageStep, void, undefined> {
  const firstUrl = new URL(first.url);
  const prefix = new URL(`${baseUrl}/`).pathname.replace(/\/$/, "");
  const listPath = firstUrl.pathname.startsWith(prefix) ? firstUrl.pathname.slice(prefix.length) : firstUrl.pathname;
  // Every page read, by its query and by its items: a loop is caught before any item comes round again.
  const guard = new PaginationLoopGuard(firstUrl.search.slice(1), first.redactor);
  let page = first;
  // A suspended generator keeps its parameters: without this, the first page would stay in memory for the whole walk.
  first = undefined as never;
  let link = "";
  for (;;) {
    const step = decide(page, link);
    if (step.end.kind !== "next") {
      yield step;
      return;
    }
    if (!ahead) {
      yield step;
      page = await fetchPage(step.end.url);
      continue;
    }
    const prefetch = new PagePrefetch(fetchPage, step.end.url, ahead.signal);
    let handedOver = false;
    try {
      yield step;
      handedOver = true;
    } finally {
      if (!handedOver) await prefetch.cancel();
    }
    page = await prefetch.page;
  }

  function decide(exchange: Exchange, arrivedBy: string): PageStep {
    const { parsed, response } = exchange;
    if (!response.ok || !parsed.ok) return { exchange, items: [], end: { kind: "unreadable" } };
    const shape = listPageShapeViolation(parsed.body, exchange.redactor);
    if (shape) return { exchange, items: [], end: { kind: "violation", violation: shape } };
    const body = parsed.body as { data: unknown[]; links?: { next?: string | null } | null };
    const repeated = guard.arrive(body.data, arrivedBy);
    if (repeated) return { exchange, items: [], end: { kind: "violation", violation: repeated } };
    const next = body.links?.next;
    if (next === undefined || next === null) return { exchange, items: body.data, end: { kind: "last" } };
    const endless = body.data.length === 0 ? guard.emptyWithNext(next) : undefined;
    if (endless) return { exchange, items: [], end: { kind: "violation", violation: endless } };
    let url: string;
    try {
      url = nextPageUrl(next, exchange.url, baseUrl, listPath, exchange.operationId, exchange.redactor);
    } catch (error) {
      if (error instanceof UnsafeRedirectError) return { exchange, items: body.data, end: { kind: "unsafe", error } };
      if (isContractViolationError(error))
        return { exchange, items: body.data, end: { kind: "violation", violation: error.violations[0]! } };
      throw error;
    }
    const looping = guard.follow(new URL(url).search.slice(1), next);
    if (looping) return { exchange, items: body.data, end: { kind: "violation", violation: looping } };
    link = next;
    return { exchange, items: body.data, end: { kind: "next", url } };
  }
}
