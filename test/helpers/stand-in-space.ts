// A stand-in Space on loopback: honours every parameter of the video-logs spec as its descriptions say, over a data
// set large enough for filters and pagination (60 logs, six hours apart, some deleted, the newest still in progress).
// Each fault switch breaks the contract in one way, so that one named check of the drift check must see it.
import { Buffer } from "node:buffer";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type LocalServer, startLocalServer } from "./local-server.ts";
import { API_TOKEN, PROJECT_ID } from "./sample-bodies.ts";

/** One fault per drift check, named after what the server does wrong; each maps to the check that must flag it. */
export const FAULTS = {
  "ignore-page-size": "parameters-honoured",
  "list-deleted-when-excluded": "parameters-honoured",
  "ignore-created-after": "parameters-honoured",
  "drop-filters-from-next": "pagination-integrity",
  "repeat-item-across-pages": "pagination-integrity",
  "loop-next-on-same-page": "pagination-integrity",
  "get-differs-from-listing": "cross-endpoint-consistency",
  "accept-page-size-out-of-range": "negative-data",
  "answer-without-credentials": "authentication",
  "500-on-a-filter": "not-a-server-error",
  "send-text-plain": "content-type",
  "answer-203": "status-code",
  "wrong-404-body": "response-schema",
  "charge-as-string": "response-schema",
  "new-status-value": "response-schema",
  "drop-locked": "response-schema",
  "null-url": "response-schema",
} as const;

/** Faults that are additive drift only: the check names them but, without --strict, passes. */
export const ADDITIVE_FAULTS = {
  "extend-charge-details": "response-schema",
} as const;

export type Fault = keyof typeof FAULTS | keyof typeof ADDITIVE_FAULTS;

export interface StandInOptions {
  faults?: readonly Fault[];
  /** How many logs the space holds. Default 60. */
  logs?: number;
  /** False: no log is deleted, so no listing ever shows the discarded form. Default true (every tenth, from the eighth). */
  deletedLogs?: boolean;
  /** Answer the first request with 429 and this Retry-After (seconds). */
  rateLimitFirstWith?: number;
  /** When given, every response carries an `x-request-id`, a fresh UUID, kept here in the order sent. */
  requestIds?: string[];
}

type Log = Record<string, unknown>;

const NEWEST = Date.parse("2026-01-10T00:00:00Z");
const HOUR = 3_600_000;

/** The data set, newest first: every tenth log (from the eighth) deleted unless not `deleted`, the three newest still in progress. */
export function standInLogs(count = 60, deleted = true): Log[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${(0x10000000 + i).toString(16)}-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
    const created = new Date(NEWEST - i * 6 * HOUR).toISOString();
    if (deleted && i % 10 === 7)
      return { id, discarded_at: new Date(NEWEST + HOUR).toISOString(), created_at: created };
    const inProgress = i < 3;
    return {
      id,
      source: "realtime_api",
      type: i % 2 ? "video_room_session" : "video_conference_session",
      url: `https://example.signalwire.com/api/video/room_sessions/${id}`,
      room_name: i % 5 === 0 ? null : `room_${i}`,
      status: inProgress ? "in-progress" : "completed",
      locked: i % 4 === 0,
      started_at: created,
      ended_at: inProgress ? null : new Date(Date.parse(created) + HOUR).toISOString(),
      charge: inProgress ? 0 : 0.01 * i,
      created_at: created,
      charge_details: inProgress ? [] : [{ description: "Video room session charge", charge: 0.01 * i }],
    };
  });
}

/** A full log as the body-shape faults change it (a discarded log is left as it is). */
function driftedLog(log: Log, faults: ReadonlySet<Fault>): Log {
  if ("discarded_at" in log) return log;
  const drifted: Log = { ...log };
  if (faults.has("charge-as-string")) drifted.charge = String(log.charge);
  if (faults.has("new-status-value") && log.status === "completed") drifted.status = "failed";
  // Only from settled logs: an item that lacks a required field is compared whole across endpoints, and an
  // in-progress log's charge changes between reads.
  if (faults.has("drop-locked") && log.status === "completed") delete drifted.locked;
  if (faults.has("null-url")) drifted.url = null;
  if (faults.has("extend-charge-details")) {
    drifted.charge_details = (log.charge_details as Log[]).map((line, index) => ({
      ...line,
      units: index + 1,
      unit_price: 0.0025,
    }));
  }
  return drifted;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const instant = (value: string) => Date.parse(DATE.test(value) ? `${value}T00:00:00Z` : value);

class Invalid extends Error {
  constructor(
    readonly attribute: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startStandInSpace(options: StandInOptions = {}): Promise<LocalServer> {
  const faults = new Set(options.faults ?? []);
  const logs = standInLogs(options.logs, options.deletedLogs).map((log) => driftedLog(log, faults));
  let reads = 0;
  let rateLimited = options.rateLimitFirstWith === undefined;
  const expectedAuth = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`;

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    const okStatus = status === 200 && faults.has("answer-203") ? 203 : status;
    const type = faults.has("send-text-plain") ? "text/plain" : "application/json; charset=utf-8";
    const requestId = options.requestIds ? { "x-request-id": randomUUID() } : {};
    options.requestIds?.push(...Object.values(requestId));
    res.writeHead(okStatus, {
      "content-type": type,
      "content-length": Buffer.byteLength(text),
      ...requestId,
      ...headers,
    });
    res.end(text);
  }

  /** A log as read now: an in-progress log's charge grows with every read (it may change; its stable fields may not). */
  const asRead = (log: Log): Log => (log.status === "in-progress" ? { ...log, charge: 0.001 * ++reads } : log);

  function list(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const bool = (name: string) => {
      const value = q.get(name);
      if (value === null) return false;
      if (value !== "true" && value !== "false") throw new Invalid(name, `${name} must be true or false`);
      return value === "true";
    };
    const integer = (name: string, fallback: number, min: number, max: number) => {
      const value = q.get(name);
      if (value === null) return fallback;
      const n = Number(value);
      if (
        !/^-?\d+$/.test(value) ||
        ((n < min || n > max) && !(name === "page_size" && faults.has("accept-page-size-out-of-range")))
      ) {
        throw new Invalid(name, `${name} must be between ${min} and ${max}`);
      }
      return name === "page_size" ? Math.min(Math.max(n, 1), 1000) : n;
    };
    const date = (name: string) => {
      const value = q.get(name);
      if (value === null) return undefined;
      if (!DATE.test(value) && !DATE_TIME.test(value)) throw new Invalid(name, `${name} must be a date or a date-time`);
      if (Number.isNaN(instant(value))) throw new Invalid(name, `${name} must be a date or a date-time`);
      return value;
    };
    const includeDeleted = bool("include_deleted");
    const before = date("created_before");
    const after = date("created_after");
    const on = date("created_on");
    const pageNumber = integer("page_number", 0, 0, 2 ** 31 - 1);
    const askedSize = integer("page_size", 50, 1, 1000);
    const pageSize = faults.has("ignore-page-size") ? 50 : askedSize;
    if (on !== undefined && faults.has("500-on-a-filter")) return send(res, 500, { error: "Internal Server Error" });
    const selected = logs.filter((log) => {
      const created = Date.parse(String(log.created_at));
      if (!includeDeleted && "discarded_at" in log && !faults.has("list-deleted-when-excluded")) return false;
      if (before !== undefined && !(created < instant(before))) return false;
      if (after !== undefined && !faults.has("ignore-created-after") && !(created > instant(after))) return false;
      if (
        on !== undefined &&
        new Date(created).toISOString().slice(0, 10) !== new Date(instant(on)).toISOString().slice(0, 10)
      )
        return false;
      return true;
    });
    const start = Math.max(
      0,
      pageNumber * pageSize - (faults.has("repeat-item-across-pages") && pageNumber > 0 ? 1 : 0),
    );
    const data = selected.slice(start, start + pageSize).map(asRead);
    const link = (n: number) => {
      const next = new URLSearchParams(Object.fromEntries(q));
      // The fault keeps the page size and drops every filter.
      if (faults.has("drop-filters-from-next"))
        for (const name of ["include_deleted", "created_before", "created_after", "created_on"]) next.delete(name);
      next.set("page_number", String(n));
      next.set("page_token", Buffer.from(`page-${n}`).toString("base64url"));
      return `/api/video/logs?${next}`;
    };
    const hasNext = (pageNumber + 1) * pageSize < selected.length;
    const links: Record<string, string> = { self: `/api/video/logs${url.search}`, first: link(0) };
    if (hasNext)
      links.next = faults.has("loop-next-on-same-page") ? `/api/video/logs${url.search}` : link(pageNumber + 1);
    if (pageNumber > 0) links.prev = link(pageNumber - 1);
    return send(res, 200, { links, data });
  }

  function getOne(id: string, res: ServerResponse) {
    if (!UUID.test(id)) throw new Invalid("id", "id must be a UUID");
    const log = logs.find((candidate) => candidate.id === id);
    if (!log) return send(res, 404, faults.has("wrong-404-body") ? { error: "No such log" } : { error: "Not Found" });
    const read = asRead(log);
    return send(
      res,
      200,
      faults.has("get-differs-from-listing") && "room_name" in read ? { ...read, room_name: "another_room" } : read,
    );
  }

  return startLocalServer((req: IncomingMessage, res: ServerResponse) => {
    if (!rateLimited) {
      rateLimited = true;
      return send(res, 429, { error: "Too Many Requests" }, { "retry-after": String(options.rateLimitFirstWith) });
    }
    const authorization = req.headers.authorization;
    const anonymousAllowed = authorization === undefined && faults.has("answer-without-credentials");
    if (authorization !== expectedAuth && !anonymousAllowed) return send(res, 401, { error: "Unauthorized" });
    const url = new URL(req.url ?? "/", "http://stand-in");
    try {
      if (url.pathname === "/api/video/logs") return list(url, res);
      const match = /^\/api\/video\/logs\/([^/]+)$/.exec(url.pathname);
      if (match) return getOne(decodeURIComponent(match[1]!), res);
      return send(res, 404, { error: "Not Found" });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return send(res, 422, {
        errors: [
          {
            type: "validation_error",
            code: "invalid_parameter",
            message: error.message,
            attribute: error.attribute,
            url: "https://signalwire.com/docs/apis/error-codes",
          },
        ],
      });
    }
  });
}
