// One exchange the proxy passed on, as a HAR 1.2 entry: what it judges (check/har/judge-entry.ts) and what it records
// (check/har/recording-writer.ts redacts it). The body is the decoded copy, as a HAR recorder keeps it; without one
// (too large, an unknown coding) the entry has no `content.text`.
import { contentOf } from "../check/har/exchange-to-har-entry.ts";
import type { HarEntry } from "../check/har/har-entry.ts";
import { headerValue, namedValues } from "./hop-by-hop.ts";

export interface ProxiedExchange {
  method: string;
  /** The upstream URL the request went to. */
  url: string;
  /** The request's headers as the application sent them (Node's rawHeaders). */
  requestHeaders: readonly string[];
  status: number;
  statusText: string;
  /** The response's headers as the upstream sent them (Node's rawHeaders). */
  responseHeaders: readonly string[];
  /** The decoded body, or undefined when it is not kept. */
  body: Buffer | undefined;
  /** The body's size on the wire, in bytes. */
  wireBytes: number;
  startedAt: Date;
  time: number;
}

export function proxiedEntry(exchange: ProxiedExchange): HarEntry {
  const { url, body, responseHeaders } = exchange;
  const mimeType = headerValue(responseHeaders, "content-type") ?? "";
  let queryString: HarEntry["request"]["queryString"] = [];
  try {
    queryString = [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {}
  return {
    startedDateTime: exchange.startedAt.toISOString(),
    time: exchange.time,
    request: {
      method: exchange.method,
      url,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: namedValues(exchange.requestHeaders),
      queryString,
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: exchange.status,
      statusText: exchange.statusText,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: namedValues(responseHeaders),
      content: body ? contentOf(body, mimeType) : { size: -1, mimeType },
      redirectURL: headerValue(responseHeaders, "location") ?? "",
      headersSize: -1,
      bodySize: exchange.wireBytes,
    },
    cache: {},
    timings: { send: 0, wait: exchange.time, receive: 0 },
  };
}
