// A Video Logs API on loopback that puts one hostile string everywhere a server controls a report's text.
import type { ServerResponse } from "node:http";
import { type Handler, sendJson } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, inProgressLog, PROJECT_ID } from "../helpers/sample-bodies.ts";

const GOOD_AUTH = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString("base64")}`;

/** The part of a string node:http may send in a header: tab, printable ASCII and U+0080–U+00FF (C1 included). */
export function headerSafe(text: string): string {
  return [...text]
    .filter((char) => /[\t\x20-\x7e\x80-\xff]/.test(char))
    .join("")
    .slice(0, 200);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

/**
 * Where the string lands: a property name and a value of a listed log, the request-id header, an off-origin
 * links.next (a note), a body that is not JSON, a wrong-typed field of a fetched log, a redirect's Location (a check
 * without response), the 404 body and the 401 body.
 */
export function hostileApi(hostile: string): Handler {
  const requestId = `rq-${headerSafe(hostile)}`;
  return (req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    if (req.headers.authorization !== GOOD_AUTH)
      return sendJson(res, 401, { error: "Unauthorized", [hostile]: hostile });
    if (url.pathname === "/api/video/logs") {
      if (url.searchParams.get("include_deleted") === "true")
        return sendText(res, 200, `<${hostile}`, { "x-request-id": requestId });
      const data = [{ ...completedLog, status: hostile, [hostile]: 1 }, inProgressLog];
      const links = { self: "/api/video/logs", first: "/api/video/logs", next: `https://attacker.invalid/${hostile}` };
      return sendJson(res, 200, { links, data }, { "x-request-id": requestId });
    }
    if (url.pathname === `/api/video/logs/${completedLog.id}`) {
      return sendJson(res, 200, { ...completedLog, charge: hostile }, { "x-request-id": requestId });
    }
    if (url.pathname === `/api/video/logs/${inProgressLog.id}`) {
      res.writeHead(302, { location: `https://attacker.invalid/${headerSafe(hostile)}` });
      return res.end();
    }
    sendJson(res, 404, { error: hostile }, { "x-request-id": requestId });
  };
}
