// Response writers for hostile bodies: huge, endless or dripping, always honouring back-pressure and a closed socket.
import type { ServerResponse } from "node:http";

const FILLER = Buffer.alloc(64 * 1024, "0");

/** Writes `total` bytes (the first being `head`) as fast as the client reads them; stops when the client goes away. */
export function streamBytes(res: ServerResponse, total: number, head = ""): void {
  let sent = 0;
  let closed = false;
  res.on("close", () => (closed = true));
  const pump = () => {
    while (!closed && sent < total) {
      const first = sent === 0 && head ? Buffer.from(head) : undefined;
      const chunk = first ?? FILLER.subarray(0, Math.min(FILLER.length, total - sent));
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!closed) res.end();
  };
  pump();
}

/** Writes one chunk every `everyMs` until the client goes away; the timer is cleared then. */
export function drip(res: ServerResponse, chunk: Buffer | string, everyMs: number): void {
  const timer = setInterval(() => res.write(chunk), everyMs);
  res.on("close", () => clearInterval(timer));
}
