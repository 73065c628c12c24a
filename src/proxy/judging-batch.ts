// A batch of exchanges as the main thread posts it to the judging thread: their fields as one JSON text and their
// bodies one after another in one buffer, transferred. Posting that costs the forwarding thread far less than
// structured-cloning an object per exchange, with its arrays of header strings and a buffer of its own each.
import type { ProxiedExchange } from "./proxied-entry.ts";

/** An exchange finished: judged, or past --max-body-bytes (`tooLarge`: recorded and counted, not judged). */
export interface FinishedExchange {
  exchange: ProxiedExchange;
  tooLarge: boolean;
}

export interface PackedBatch {
  /** Per exchange, its fields in the order of `Fields`, the body's length last (-1: no body). */
  exchanges: string;
  bodies: ArrayBuffer;
}

type Fields = [
  method: string,
  url: string,
  requestHeaders: readonly string[],
  status: number,
  statusText: string,
  responseHeaders: readonly string[],
  wireBytes: number,
  startedAt: number,
  time: number,
  tooLarge: boolean,
  bodyLength: number,
];

export function packBatch(batch: readonly FinishedExchange[]): PackedBatch {
  let size = 0;
  for (const { exchange } of batch) size += exchange.body?.length ?? 0;
  const bodies = new Uint8Array(size);
  let at = 0;
  const fields = batch.map(({ exchange: e, tooLarge }): Fields => {
    if (e.body) {
      bodies.set(e.body, at);
      at += e.body.length;
    }
    const { requestHeaders, responseHeaders } = e;
    const started = e.startedAt.getTime();
    return [
      e.method,
      e.url,
      requestHeaders,
      e.status,
      e.statusText,
      responseHeaders,
      e.wireBytes,
      started,
      e.time,
      tooLarge,
      e.body?.length ?? -1,
    ];
  });
  return { exchanges: JSON.stringify(fields), bodies: bodies.buffer };
}

export function unpackBatch({ exchanges, bodies }: PackedBatch): FinishedExchange[] {
  let at = 0;
  return (JSON.parse(exchanges) as Fields[]).map((f) => {
    const [method, url, requestHeaders, status, statusText, responseHeaders, wireBytes, started, time] = f;
    const [tooLarge, bodyLength] = [f[9], f[10]];
    const body = bodyLength < 0 ? undefined : Buffer.from(bodies, at, bodyLength);
    at += Math.max(0, bodyLength);
    const startedAt = new Date(started);
    return {
      exchange: { method, url, requestHeaders, status, statusText, responseHeaders, body, wireBytes, startedAt, time },
      tooLarge,
    };
  });
}
