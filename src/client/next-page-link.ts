// Decides whether a page's `links.next` may be followed with our credentials: the one link rule of every page loop.
import { ContractViolationError } from "../errors/contract-violation-error.ts";
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { shortJson } from "../validation/short-json.ts";

/**
 * Resolves `links.next` (absolute or relative) against the URL of the page that holds it and returns the URL of the
 * next request: the base URL, the listing's path, the link's query. Throws when the link leaves the base URL's origin
 * or points at another path than the listing's (UnsafeRedirectError), or is not a URL at all (ContractViolationError).
 *
 * @param listPath the listing's path as requested, without the base URL's path prefix (`/api/video/logs`)
 */
export function nextPageUrl(
  next: string,
  pageUrl: string,
  baseUrl: string,
  listPath: string,
  operationId: string,
  redactor: Redactor,
): string {
  const base = new URL(`${baseUrl}/`);
  let target: URL;
  try {
    target = new URL(next, pageUrl);
  } catch {
    throw new ContractViolationError(
      operationId,
      200,
      [
        {
          pointer: "/links/next",
          kind: "breaking",
          keyword: "format",
          message: "links.next is not a URL",
          expected: "an absolute or relative URL",
          actual: shortJson(next, redactor),
        },
      ],
      undefined,
    );
  }
  const prefix = base.pathname.replace(/\/$/, "");
  // Behind a proxy with a path prefix, the API's own absolute-path links lack the prefix. Only the query is taken
  // from the link and the next request goes to the base URL's listing path, so such a link is as safe as the other.
  const samePath = target.pathname === `${prefix}${listPath}` || target.pathname === listPath;
  if (target.origin !== base.origin || !samePath) {
    throw new UnsafeRedirectError("a pagination link", target.href, `${base.origin}${prefix}${listPath}`);
  }
  return `${baseUrl}${listPath}${target.search}`;
}
