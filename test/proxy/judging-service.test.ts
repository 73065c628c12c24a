// The judging thread's service in this process, over a MessageChannel, recording to a disk the test drains by hand: a
// batch is acknowledged only once the recording has taken it, so a slow disk backs up into the judging queue, whose
// admission then holds new requests back. Nothing depends on timing: the test plays the disk.
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import type { HarEntry } from "../../src/check/har/har-entry.ts";
import { entrySecrets } from "../../src/check/har/recording-secrets.ts";
import type { RecordingWriter } from "../../src/check/har/recording-writer.ts";
import { proxyRecording } from "../../src/cli/commands/proxy-recording.ts";
import type { FromJudging } from "../../src/proxy/judging-messages.ts";
import { JudgingQueue } from "../../src/proxy/judging-queue.ts";
import { JudgingService } from "../../src/proxy/judging-service.ts";
import { type ProxiedExchange, proxiedEntry } from "../../src/proxy/proxied-entry.ts";
import { ProxySession } from "../../src/proxy/proxy-session.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { completedLog, VALID_ID } from "../helpers/sample-bodies.ts";

const ORIGIN = "http://127.0.0.1:1";
const LOG_URL = `${ORIGIN}/api/video/logs/${VALID_ID}`;

/** A valid get_log exchange; `n` tells it from the others. */
function exchange(n: number): ProxiedExchange {
  return {
    method: "GET",
    url: `${LOG_URL}?n=${n}`,
    requestHeaders: ["Host", "127.0.0.1:1"],
    status: 200,
    statusText: "OK",
    responseHeaders: ["content-type", "application/json"],
    body: Buffer.from(JSON.stringify(completedLog)),
    wireBytes: JSON.stringify(completedLog).length,
    startedAt: new Date("2025-01-02T03:04:05.000Z"),
    time: 1,
  };
}

/** A recording writer on a disk that is always behind: each write's buffer is full until the test drains it. */
class SlowDisk implements RecordingWriter {
  readonly writingTo = "/nowhere/.traffic.ndjson.tmp";
  entries = 0;
  /** The URLs of the entries handed to the writer, in order. */
  readonly written: string[] = [];
  #drain: (() => void) | undefined;
  #wrote: (() => void) | undefined;

  write(entry: HarEntry): Promise<void> {
    this.written.push(entry.request.url);
    this.entries++;
    this.#wrote?.();
    return new Promise((resolve) => (this.#drain = resolve));
  }

  /** Resolves once the next entry is handed to the writer. */
  nextWrite(): Promise<void> {
    return new Promise((resolve) => (this.#wrote = resolve));
  }

  /** The disk took the buffer: the waiting write resolves. */
  drain(): void {
    this.#drain?.();
    this.#drain = undefined;
  }

  async close(): Promise<void> {}
  async abort(): Promise<void> {}
}

let ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports) port.close();
  ports = [];
});

/** The service serving one end of a channel, recording to `disk`; the queue posting to it from the other end. */
function judgingOverChannel(disk: RecordingWriter, limits: { bytes: number; exchanges: number }, maxSecrets?: number) {
  const { port1, port2 } = new MessageChannel();
  ports = [port1, port2];
  const service = new JudgingService(port1);
  const session = new ProxySession({
    upstream: new URL(ORIGIN),
    strict: false,
    maxBodyBytes: 1 << 20,
    onSecrets: service.collected,
    now: () => 0,
    maxSecrets,
  });
  const recording = proxyRecording("traffic.ndjson", disk);
  service.serve({ session, record: recording.record, finish: async () => ({ messages: [] }), abort: recording.abort });
  const queue = new JudgingQueue((batch) => port2.postMessage({ type: "exchanges", batch }, [batch.bodies]), limits);
  const received: FromJudging["type"][] = [];
  let nextId = 0;
  const replies = new Map<number, (report: DriftReport) => void>();
  port2.on("message", (message: FromJudging) => {
    received.push(message.type);
    if (message.type === "judged") queue.judged();
    if (message.type === "report") replies.get(message.id)?.(message.report);
  });
  /** A report asked for and answered: every batch posted before it has been judged, and its messages have come. */
  const roundTrip = (forwarded = 0) =>
    new Promise<DriftReport>((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      port2.postMessage({ type: "report", id, forwarded });
    });
  return { queue, received, roundTrip };
}

/** Whether `admission` has resolved, after the microtasks queued so far have run. */
async function admitted(admission: Promise<void> | undefined): Promise<boolean> {
  let done = admission === undefined;
  void admission?.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe("JudgingService recording to a slow disk", () => {
  it("acknowledges a batch only once the recording has taken all its entries, in order", async () => {
    const disk = new SlowDisk();
    const { queue, received, roundTrip } = judgingOverChannel(disk, { bytes: 1 << 20, exchanges: 100 });
    const firstWrite = disk.nextWrite();
    queue.add(exchange(1), false);
    queue.add(exchange(2), false);
    queue.flush();
    await firstWrite;
    await roundTrip();
    expect({ written: disk.written, received }).toEqual({ written: [`${LOG_URL}?n=1`], received: ["ready", "report"] });
    const secondWrite = disk.nextWrite();
    disk.drain();
    await secondWrite;
    await roundTrip();
    expect({ written: disk.written, received }).toEqual({
      written: [`${LOG_URL}?n=1`, `${LOG_URL}?n=2`],
      received: ["ready", "report", "report"],
    });
    expect(queue.size.exchanges).toBe(2);
    disk.drain();
    await roundTrip();
    expect(received).toEqual(["ready", "report", "report", "judged", "report"]);
    expect(queue.size).toEqual({ exchanges: 0, bytes: 0 });
  });

  it("holds a new request at the queue's admission while the disk is behind, and lets it go once it drained", async () => {
    const disk = new SlowDisk();
    const { queue, roundTrip } = judgingOverChannel(disk, { bytes: 1 << 20, exchanges: 1 });
    const written = disk.nextWrite();
    queue.add(exchange(1), false);
    queue.flush();
    await written;
    await roundTrip();
    const admission = queue.admission();
    expect(await admitted(admission)).toBe(false);
    expect(queue.waiting).toBe(1);
    disk.drain();
    await admission;
    expect({ size: queue.size, waiting: queue.waiting }).toEqual({ size: { exchanges: 0, bytes: 0 }, waiting: 0 });
  });

  it("judges every batch while the disk is behind: a report asked for counts them all", async () => {
    const disk = new SlowDisk();
    const { queue, roundTrip } = judgingOverChannel(disk, { bytes: 1 << 20, exchanges: 100 });
    for (const n of [1, 2, 3]) {
      queue.add(exchange(n), false);
      queue.flush();
    }
    const report = await roundTrip(3);
    expect(report.summary).toEqual({ requests: 3, checked: 3, passed: 3, breaking: 0, additive: 0, errors: 0 });
    expect({ written: disk.written, queued: queue.size.exchanges }).toEqual({ written: [`${LOG_URL}?n=1`], queued: 3 });
  });
});

/** A disk that takes every entry at once. */
class ReadyDisk implements RecordingWriter {
  readonly writingTo = "/nowhere/.traffic.ndjson.tmp";
  entries = 0;
  readonly written: string[] = [];

  async write(entry: HarEntry): Promise<void> {
    this.written.push(entry.request.url);
    this.entries++;
  }

  async close(): Promise<void> {}
  async abort(): Promise<void> {}
}

describe("JudgingService past the credentials' cap", () => {
  it("records no exchange whose credentials could not be collected, and judges the others", async () => {
    const withToken = (n: number, token: string) => {
      const sent = exchange(n);
      return { ...sent, requestHeaders: [...sent.requestHeaders, "Authorization", `Bearer ${token}`] };
    };
    // Room for the first client's credentials (each of their spellings counts), not the second's.
    const { secrets, inBase64Text } = entrySecrets(proxiedEntry(withToken(1, "first-client-token-0123456789")));
    const cap = new Set(secrets).size + new Set(inBase64Text).size;
    const disk = new ReadyDisk();
    const { queue, roundTrip } = judgingOverChannel(disk, { bytes: 1 << 20, exchanges: 100 }, cap);
    queue.add(withToken(1, "first-client-token-0123456789"), false);
    queue.add(withToken(2, "second-client-token-0123456789"), false);
    queue.add(withToken(3, "first-client-token-0123456789"), false);
    queue.flush();
    const report = await roundTrip();
    expect(disk.written).toEqual([`${LOG_URL}?n=1`, `${LOG_URL}?n=3`]);
    expect({
      checked: report.summary.checked,
      notes: report.notes.filter((note) => note.includes("credentials")),
    }).toEqual({
      checked: 2,
      notes: [
        `1 response(s) came with credentials past the ${cap} collected for redaction: passed through unjudged and unrecorded, so none of them can show`,
      ],
    });
    expect(JSON.stringify(report)).not.toContain("second-client");
  });
});
