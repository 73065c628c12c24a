// Where an entry of a recording goes: judged as the operation its method and path match (on any host, after an
// optional proxy prefix), or skipped with a reason a reader can act on.
import { matchOperation, operationsAtPath } from "../../operations/match-path.ts";
import type { Operation } from "../../operations/operation-table.ts";
import type { HarEntry } from "./har-types.ts";

/** Where an entry goes: judged as `operation`, or skipped with a reason. */
export type Placement = { operation: Operation } | { reason: string; operation?: Operation };

export function placeEntry(entry: HarEntry, prefix: string | undefined): Placement {
  let url: URL;
  try {
    url = new URL(entry.request.url);
  } catch {
    return { reason: "its URL cannot be parsed" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { reason: "not an HTTP request" };
  let path = url.pathname;
  if (prefix && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length) || "/";
  const match = matchOperation(entry.request.method, path);
  if (!match) {
    const methods = [...new Set(operationsAtPath(path).map((found) => found.operation.method))];
    return {
      reason:
        methods.length > 0
          ? `the spec has ${methods.join(", ")} at this path, not ${entry.request.method}`
          : "no operation of the spec has this path",
    };
  }
  const { status } = entry.response;
  if (status === 0)
    return { reason: "no response was recorded (status 0: blocked, aborted or failed)", operation: match.operation };
  // The Fetch API's range: 1xx are interim answers; a status past 599 is not HTTP.
  if (status < 200 || status > 599)
    return { reason: `status ${status} is not a final HTTP status (200 to 599)`, operation: match.operation };
  return { operation: match.operation };
}
