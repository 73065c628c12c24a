// HAR 1.2 recordings built in the tests from plain objects: one entry per request/response, JSON or text bodies, plain
// or base64, headers, cookies. `driftedRecording()` is the issue's case: additive and breaking drift in Video Logs
// answers, unrelated traffic around them, and a base64 body, as a browser would record it with credentials in it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Log } from "../../src/types.ts";
import { completedLog, inProgressLog, pageOf } from "./sample-bodies.ts";

export type HeaderList = Record<string, string> | [string, string][];

export interface EntrySpec {
  /** Default GET. */
  method?: string;
  url: string;
  /** Default 200. */
  status?: number;
  requestHeaders?: HeaderList;
  /** The response's headers; `Content-Type: application/json` is added for a `json` body unless one is given. */
  responseHeaders?: HeaderList;
  /** The body as JSON (serialised here). */
  json?: unknown;
  /** The body as text, written as given. */
  text?: string;
  /** Store the body base64-encoded (`content.encoding: "base64"`). */
  base64?: boolean;
  /** Leave `content.text` out, as a recorder that kept no body does. */
  noBody?: boolean;
  requestCookies?: { name: string; value: string }[];
  responseCookies?: { name: string; value: string }[];
  /** Milliseconds; default 12. */
  time?: number;
}

const pairs = (headers: HeaderList = []) =>
  (Array.isArray(headers) ? headers : Object.entries(headers)).map(([name, value]) => ({ name, value }));

/** One HAR 1.2 entry with every field the HAR schema requires. */
export function harEntry(spec: EntrySpec): Record<string, unknown> {
  const url = new URL(spec.url);
  const body = spec.json !== undefined ? JSON.stringify(spec.json) : spec.text;
  const responseHeaders = pairs(spec.responseHeaders);
  if (spec.json !== undefined && !responseHeaders.some((h) => h.name.toLowerCase() === "content-type"))
    responseHeaders.push({ name: "content-type", value: "application/json; charset=utf-8" });
  const mimeType = responseHeaders.find((h) => h.name.toLowerCase() === "content-type")?.value ?? "";
  const content: Record<string, unknown> = { size: body === undefined ? 0 : Buffer.byteLength(body), mimeType };
  if (body !== undefined && !spec.noBody) {
    content.text = spec.base64 ? Buffer.from(body, "utf8").toString("base64") : body;
    if (spec.base64) content.encoding = "base64";
  }
  return {
    startedDateTime: "2026-11-20T10:00:00.000Z",
    time: spec.time ?? 12,
    request: {
      method: spec.method ?? "GET",
      url: spec.url,
      httpVersion: "HTTP/1.1",
      cookies: spec.requestCookies ?? [],
      headers: pairs(spec.requestHeaders),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: spec.status ?? 200,
      statusText: "",
      httpVersion: "HTTP/1.1",
      cookies: spec.responseCookies ?? [],
      headers: responseHeaders,
      content,
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
  };
}

/** A HAR 1.2 log of these entries, as a browser's "Save all as HAR" writes it. */
export function harRecording(entries: EntrySpec[]): { log: Record<string, unknown> } {
  return {
    log: { version: "1.2", creator: { name: "video-logs tests", version: "1" }, entries: entries.map(harEntry) },
  };
}

/** Writes a recording (an object, or text as it is) to `dir/name` and returns the path. */
export function writeHar(dir: string, name: string, har: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof har === "string" ? har : JSON.stringify(har, null, 2));
  return path;
}

/** Credentials as a browser session records them; none may appear in any report. */
export const RECORDING_SECRETS = {
  projectId: "b1e7a2c4-0d3f-4a5b-9c8d-7e6f5a4b3c2d",
  apiToken: "PTrecorded-token-9f8e7d6c5b4a-do-not-leak",
  cookie: "sessioncookie-0a1b2c3d4e5f6a7b",
  urlToken: "urltoken-5e6f7a8b9c0d1e2f",
} as const;

export const RECORDING_AUTHORIZATION = `Basic ${Buffer.from(`${RECORDING_SECRETS.projectId}:${RECORDING_SECRETS.apiToken}`).toString("base64")}`;

const API = "https://example.signalwire.com";
const LOG_ID = completedLog.id;
const credentialHeaders = { authorization: RECORDING_AUTHORIZATION, cookie: `sw_session=${RECORDING_SECRETS.cookie}` };

/** What each entry of `driftedRecording()` is, by index. */
export const DRIFTED = {
  /** list_logs: every charge line has a field the spec does not declare (`currency`): additive. */
  additiveChargeLines: 0,
  /** list_logs: `charge` is a string: breaking. */
  chargeAsString: 1,
  /** get_log: `status` has a value the spec does not list: breaking. */
  newStatusValue: 2,
  /** get_log: `locked` is missing: breaking. */
  missingLocked: 3,
  /** get_log: `url` is null: breaking. */
  urlNull: 4,
  /** list_logs, body in base64, valid. */
  base64Page: 5,
  /** Not the API: a script from a CDN, a preflight, another API path, a POST to the logs path. */
  unrelated: [6, 7, 8, 9],
} as const;

/**
 * The issue's recording: five Video Logs answers with drift (additive charge-line fields; `charge` as a string; a new
 * `status` value; a missing `locked`; `url: null`), a valid page recorded in base64, and four unrelated entries. Every
 * API request carries the session's credentials (Basic Authorization, a cookie, a token in the URL's query).
 */
export function driftedRecording({ origin = API, prefix = "" }: { origin?: string; prefix?: string } = {}): {
  log: Record<string, unknown>;
} {
  const api = `${origin}${prefix}/api/video/logs`;
  const onePage = pageOf(2, { self: `${API}/api/video/logs?page_size=2`, first: `${API}/api/video/logs?page_size=2` });
  const logs = onePage.data as Log[];
  const withChargeLineField = {
    ...onePage,
    data: logs.map((log) => ({
      ...log,
      charge_details: log.charge_details.map((line) => ({ ...line, currency: "USD" })),
    })),
  };
  const withStringCharge = { ...onePage, data: [{ ...onePage.data[0]!, charge: "0.01" }, onePage.data[1]!] };
  const { locked: _locked, ...withoutLocked } = completedLog;
  const apiEntry = (path: string, json: unknown, extra: Partial<EntrySpec> = {}): EntrySpec => ({
    url: `${api}${path}`,
    requestHeaders: credentialHeaders,
    responseHeaders: {
      "content-type": "application/json",
      "x-request-id": `req-${path.length}-${JSON.stringify(json).length}`,
    },
    json,
    ...extra,
  });
  return harRecording([
    apiEntry(`?page_size=2&token=${RECORDING_SECRETS.urlToken}`, withChargeLineField),
    apiEntry("?page_size=2&include_deleted=true", withStringCharge),
    apiEntry(`/${LOG_ID}`, { ...completedLog, status: "archived" }),
    apiEntry(`/${inProgressLog.id}`, withoutLocked),
    apiEntry(`/${LOG_ID}?access_token=${RECORDING_SECRETS.urlToken}`, { ...completedLog, url: null }),
    apiEntry("?page_size=2", onePage, { base64: true }),
    {
      url: "https://cdn.example.net/app.js",
      responseHeaders: { "content-type": "text/javascript" },
      text: "console.log(1)",
    },
    {
      method: "OPTIONS",
      url: `${api}`,
      status: 204,
      responseHeaders: { "access-control-allow-origin": "*" },
      text: "",
    },
    { url: `${origin}${prefix}/api/video/rooms`, requestHeaders: credentialHeaders, json: { data: [] } },
    { method: "POST", url: `${api}`, requestHeaders: credentialHeaders, status: 405, json: { errors: [] } },
  ]);
}
