// A loopback keep-alive server for the benchmark, run in its own process so it neither competes for the client's
// event loop nor counts in its memory. Serves one log at /api/video/logs/{id} and PAGES pages of PAGE_SIZE logs,
// each answer DELAY_MS after its request (default 0: at once), to stand for a round trip across the internet.
import { createServer } from "node:http";

const pages = Number(process.env.PAGES ?? 200);
const pageSize = Number(process.env.PAGE_SIZE ?? 1000);
const delayMs = Number(process.env.DELAY_MS ?? 0);
const log = JSON.parse(process.env.LOG_JSON);
const logText = JSON.stringify(log);
// One page body per page number would cost gigabytes: the data array is one text with the page number left out of
// every id, filled in per page, so that no two pages hold the same logs (the client's loop guard would stop a walk).
const dataParts = JSON.stringify(
  Array.from({ length: pageSize }, (_, i) => ({
    ...log,
    id: `00000000-0000-4000-8000-@${String(i).padStart(6, "0")}`,
  })),
).split("@");
const dataOf = (page) => dataParts.join(String(page).padStart(6, "0"));

const server = createServer((req, res) => {
  if (delayMs > 0) setTimeout(answer, delayMs, req, res);
  else answer(req, res);
});

function answer(req, res) {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname.startsWith("/api/video/logs/")) {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(logText) });
    return res.end(logText);
  }
  const page = Number(url.searchParams.get("page_number") ?? 0);
  const next = page + 1 < pages ? `,"next":"/api/video/logs?page_number=${page + 1}"` : "";
  const body = `{"links":{"self":"/api/video/logs?page_number=${page}","first":"/api/video/logs"${next}},"data":${dataOf(page)}}`;
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
