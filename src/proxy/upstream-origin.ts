// The proxy's upstream: an origin (scheme, host, port), https or plain http to a loopback host, with no credentials,
// path, query or fragment. Every request goes to it and nowhere else.
import { isLoopbackHost } from "../client/options.ts";

/** The origin `value` names, or why it cannot be the upstream (a sentence, quoting nothing secret). */
export function upstreamOrigin(value: string): { origin: URL } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: "the upstream is not an absolute URL (https://example.signalwire.com)" };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname)))
    return { problem: `the upstream ${url.protocol}//${url.host} must be https (plain http only to a loopback host)` };
  if (url.username || url.password)
    return { problem: "the upstream must not hold credentials: the application sends its own" };
  // `new URL` writes an empty path as `/`; a path the user typed, even `/`, is refused only when it is more than that.
  if (url.pathname !== "/" || url.search || url.hash || /^[^:]+:\/\/[^/]+\/./.test(value))
    return { problem: `the upstream must be an origin such as ${url.origin}, with no path, query or fragment` };
  return { origin: new URL(url.origin) };
}
