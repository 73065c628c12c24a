// Decides whether a page's `links.next` may be followed with our credentials.
import { UnsafeRedirectError } from "../errors/unsafe-redirect-error.ts";

const LIST_PATH = "/api/video/logs";

/**
 * Resolves `links.next` (absolute or relative) against the base URL and returns its query string. Throws when the
 * link leaves the base URL's origin or points at another path than the list endpoint.
 */
export function nextPageQuery(next: string, baseUrl: string): string {
  const base = new URL(`${baseUrl}/`);
  const target = new URL(next, base);
  const expectedPath = `${base.pathname.replace(/\/$/, "")}${LIST_PATH}`;
  if (target.origin !== base.origin || target.pathname !== expectedPath) {
    throw new UnsafeRedirectError("a pagination link", target.href, `${base.origin}${expectedPath}`);
  }
  return target.search.replace(/^\?/, "");
}
