// The drift check's pagination loop test: two links to the same page may spell its query differently, one key per page.
import { shortJson } from "../validation/short-json.ts";
import type { Violation } from "../validation/violation.ts";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The page a query asks for, independent of spelling: parameters sorted by name then value, `+` and `%20` alike,
 * percent-escapes in either case, empty `&&` pairs dropped.
 */
export function pageQueryKey(rawQuery: string): string {
  const params = [...new URLSearchParams(rawQuery)];
  params.sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  return new URLSearchParams(params).toString();
}

/** The breaking violation of a page whose `links.next` leads back to a page already read. */
export function paginationLoopViolation(next: string): Violation {
  return {
    pointer: "/links/next",
    kind: "breaking",
    keyword: "pagination",
    message: "links.next points back at a page already read; following it would loop forever",
    expected: "a link to another page",
    actual: shortJson(next),
  };
}
