// Knows every page an iteration has read, so a loop is caught before any log is yielded twice.
import { createHash } from "node:crypto";
import type { Redactor } from "../redaction/redactor.ts";
import type { Violation } from "../validation/violation.ts";
import { paginationViolation } from "../validation/violation-factory.ts";
import { normalizeQuery } from "./normalize-query.ts";

/**
 * How many empty pages in a row may still have `links.next`. One is legal (a listing whose last page came out empty);
 * a chain of them, each with a new link, is a loop in practice: nothing is ever yielded and the walk never ends.
 */
export const MAX_EMPTY_PAGES_IN_A_ROW = 5;

export class PaginationLoopGuard {
  /** Empty pages with `links.next` read in a row. */
  private emptyInARow = 0;
  /** The query of every page read, in one spelling (see normalizeQuery). */
  private readonly queries = new Set<string>();
  /** A digest of the log ids of every non-empty page read: a few bytes per page, whatever its size. */
  private readonly pages = new Set<string>();

  constructor(
    firstQuery: string,
    private readonly redactor: Redactor,
  ) {
    this.queries.add(normalizeQuery(firstQuery));
  }

  /** Records the query `links.next` leads to; the violation when a page with that query was read already. */
  follow(rawQuery: string, next: string): Violation | undefined {
    const key = normalizeQuery(rawQuery);
    if (this.queries.has(key)) {
      return paginationViolation(
        "links.next points back at a page already read; following it would loop forever",
        next,
        this.redactor,
      );
    }
    this.queries.add(key);
    return undefined;
  }

  /** Records an empty page that has `links.next`; the violation when it makes one too many in a row. */
  emptyWithNext(next: string): Violation | undefined {
    if (++this.emptyInARow < MAX_EMPTY_PAGES_IN_A_ROW) return undefined;
    return paginationViolation(
      `${this.emptyInARow} empty pages in a row, each with links.next; following on would likely never end`,
      next,
      this.redactor,
      "a page with items, or no links.next",
    );
  }

  /**
   * Records a page by its log ids, before any of them is yielded; the violation when a page with the same logs was
   * read already under another link (a server that mints a new token for the same page).
   */
  arrive(data: unknown, next: string): Violation | undefined {
    if (!Array.isArray(data) || data.length === 0) return undefined;
    this.emptyInARow = 0;
    const digest = createHash("sha256");
    for (const log of data) digest.update(`${String((log as { id?: unknown } | null)?.id)}\n`);
    const key = digest.digest("base64");
    if (this.pages.has(key)) {
      return paginationViolation(
        "links.next led to the same logs as a page already read; following on would loop forever",
        next,
        this.redactor,
      );
    }
    this.pages.add(key);
    return undefined;
  }
}
