// Decides whether a page's `links.next` may be followed with our credentials.
import { ContractViolationError } from "../errors/contract-violation-error.ts";
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";

const LIST_PATH = "/api/video/logs";

/**
 * Resolves `links.next` (absolute or relative) against the base URL and returns its query string. Throws when the
 * link leaves the base URL's origin or points at another path than the list endpoint (UnsafeRedirectError), or is
 * not a URL at all (ContractViolationError).
 */
export function nextPageQuery(next: string, baseUrl: string): string {
  const base = new URL(`${baseUrl}/`);
  let target: URL;
  try {
    target = new URL(next, base);
  } catch {
    throw new ContractViolationError("list_logs", 200, [
      {
        pointer: "/links/next",
        kind: "breaking",
        keyword: "format",
        message: "links.next is not a URL",
        expected: "an absolute or relative URL",
        actual: JSON.stringify(next.slice(0, 60)),
      },
    ], undefined);
  }
  const expectedPath = `${base.pathname.replace(/\/$/, "")}${LIST_PATH}`;
  // Behind a proxy with a path prefix, the API's own relative links lack the prefix. Only the query is taken from
  // the link and the next request goes to the base URL's list path, so such a link is as safe as the prefixed one.
  const listPath = target.pathname === expectedPath || target.pathname === LIST_PATH;
  if (target.origin !== base.origin || !listPath) {
    throw new UnsafeRedirectError("a pagination link", target.href, `${base.origin}${expectedPath}`);
  }
  return target.search.replace(/^\?/, "");
}
