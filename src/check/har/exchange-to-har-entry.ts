// One exchange as a HAR 1.2 entry, redacted (redact-har-entry.ts): the client's Exchange, or any exchange of the same
// shape (a proxy's). The body is kept as the text it is when it is UTF-8, else as base64, so its bytes come back as
// they were sent.
import type { Redactor } from "../../redaction/redactor.ts";
import type { HarEntry, HarNameValue } from "./har-entry.ts";
import { redactHarEntry } from "./redact-har-entry.ts";

/** What a HAR entry is built from; the client's Exchange is one (it has no request headers: none is written). */
export interface RecordableExchange {
  method: string;
  /** The URL requested. */
  url: string;
  /** The request's headers as sent; credential headers among them are never written. */
  requestHeaders?: Headers | Readonly<Record<string, string>>;
  response: Pick<Response, "status" | "statusText" | "headers">;
  /** The response body's bytes as read. */
  bytes: Uint8Array;
  /** When the request started; default: now. */
  startedAt?: Date;
  /** Milliseconds the exchange took; default 0. */
  time?: number;
}

/** Strict UTF-8 that keeps a byte order mark, so the text encodes back to the very bytes. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function pairs(headers: Headers | Readonly<Record<string, string>> | undefined): HarNameValue[] {
  if (headers === undefined) return [];
  const entries = headers instanceof Headers ? [...headers] : Object.entries(headers);
  return entries.map(([name, value]) => ({ name, value }));
}

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

export function contentOf(bytes: Uint8Array, mimeType: string): HarEntry["response"]["content"] {
  try {
    return { size: bytes.byteLength, mimeType, text: UTF8.decode(bytes) };
  } catch {
    return { size: bytes.byteLength, mimeType, text: Buffer.from(bytes).toString("base64"), encoding: "base64" };
  }
}

/** The exchange as a redacted HAR entry, with `videoLogs` as its `_videoLogs` field when given. */
export function exchangeToHarEntry(exchange: RecordableExchange, redactor: Redactor, videoLogs?: unknown): HarEntry {
  const { response, bytes } = exchange;
  const time = Math.max(0, exchange.time ?? 0);
  const entry: HarEntry = {
    startedDateTime: (exchange.startedAt ?? new Date()).toISOString(),
    time,
    request: {
      method: exchange.method,
      url: exchange.url,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: pairs(exchange.requestHeaders),
      queryString: queryOf(exchange.url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: pairs(response.headers),
      content: contentOf(bytes, response.headers.get("content-type") ?? ""),
      redirectURL: response.headers.get("location") ?? "",
      headersSize: -1,
      bodySize: bytes.byteLength,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
  if (videoLogs !== undefined) entry._videoLogs = videoLogs;
  return redactHarEntry(entry, redactor);
}
