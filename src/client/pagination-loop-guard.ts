// Knows every page an iteration has read, so a loop is caught before any log is yielded twice.
import { createHash } from "node:crypto";
import type { Redactor } from "../redaction/redactor.ts";
import type { Violation } from "../validation/violation.ts";
import { paginationViolation } from "../validation/violation-factory.ts";
import { normalizeQuery } from "./normalize-query.ts";

export class PaginationLoopGuard {
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
      return paginationViolation("links.next points back at a page already read; following it would loop forever", next, this.redactor);
    }
    this.queries.add(key);
    return undefined;
  }

  /**
   * Records a page by its log ids, before any of them is yielded; the violation when a page with the same logs was
   * read already under another link (a server that mints a new token for the same page).
   */
  arrive(data: unknown, next: string): Violation | undefined {
    if (!Array.isArray(data) || data.length === 0) return undefined;
    const digest = createHash("sha256");
    for (const log of data) digest.update(`${String((log as { id?: unknown } | null)?.id)}\n`);
    const key = digest.digest("base64");
    if (this.pages.has(key)) {
      return paginationViolation("links.next led to the same logs as a page already read; following on would loop forever", next, this.redactor);
    }
    this.pages.add(key);
    return undefined;
  }
}

