// The exchanges on their way to the judging thread: collected for a few milliseconds, then posted as one batch, and
// counted until the judging thread says it has judged and recorded them. Bounded: past MAX_QUEUED_BYTES or
// MAX_QUEUED_EXCHANGES, a new request waits (admission) until the judging thread, and the disk its recording goes
// to, catch up; nothing is dropped, and the queue does not grow with the load or a slow disk. Requests already
// forwarded still finish, so the queue can pass the bound by what they carry.
import { type FinishedExchange, type PackedBatch, packBatch } from "./judging-batch.ts";
import type { ProxiedExchange } from "./proxied-entry.ts";

/** Bytes of exchanges waiting to be judged: a fraction of the proxy's memory, room for seconds of traffic. */
export const MAX_QUEUED_BYTES = 64 * 1024 * 1024;
/** Exchanges waiting to be judged: bounds the headers and objects of small responses, which the bytes do not see. */
export const MAX_QUEUED_EXCHANGES = 10_000;

/**
 * How long an exchange waits for others to share its batch. Judging is off the response's path, so waiting costs the
 * client nothing, and batches of a few milliseconds cost both threads about 5 µs less per exchange than a batch per tick.
 */
export const BATCH_WINDOW_MS = 5;
/** A batch this large goes at once. */
export const MAX_BATCH_EXCHANGES = 1_000;
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** Calls `flush` once the batch window has passed; returns what cancels it. */
export type ScheduleFlush = (flush: () => void) => () => void;

const afterBatchWindow: ScheduleFlush = (flush) => {
  const timer = setTimeout(flush, BATCH_WINDOW_MS);
  return () => clearTimeout(timer);
};

export interface QueueLimits {
  bytes: number;
  exchanges: number;
}

/** Posts a batch, its bodies' buffer transferred. */
export type PostBatch = (batch: PackedBatch) => void;

/** The bytes an exchange holds while it waits: its body, URL and headers. */
function heldBytes(exchange: ProxiedExchange): number {
  let bytes = exchange.url.length + (exchange.body?.length ?? 0);
  for (const value of exchange.requestHeaders) bytes += value.length;
  for (const value of exchange.responseHeaders) bytes += value.length;
  return bytes;
}

export class JudgingQueue {
  readonly #post: PostBatch;
  readonly #limits: QueueLimits;
  #batch: FinishedExchange[] = [];
  #batchBytes = 0;
  /** Each posted batch not yet judged: its exchanges and bytes, oldest first. */
  readonly #posted: { exchanges: number; bytes: number }[] = [];
  #exchanges = 0;
  #bytes = 0;
  #waiting: (() => void)[] = [];
  #closed = false;
  readonly #schedule: ScheduleFlush;
  #cancelFlush: (() => void) | undefined;

  constructor(
    post: PostBatch,
    limits: QueueLimits = { bytes: MAX_QUEUED_BYTES, exchanges: MAX_QUEUED_EXCHANGES },
    schedule: ScheduleFlush = afterBatchWindow,
  ) {
    this.#post = post;
    this.#limits = limits;
    this.#schedule = schedule;
  }

  /** Exchanges and bytes queued or posted, not yet judged. */
  get size(): { exchanges: number; bytes: number } {
    return { exchanges: this.#exchanges, bytes: this.#bytes };
  }

  /** Requests waiting for room. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Undefined when a new request may be forwarded now; else a promise of the moment it may (first come, first go). */
  admission(): Promise<void> | undefined {
    if (this.#waiting.length === 0 && this.#hasRoom()) return undefined;
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Queues a finished exchange; the batch is posted once the batch window has passed, or at once when it is full. */
  add(exchange: ProxiedExchange, tooLarge: boolean): void {
    if (this.#batch.length === 0) this.#cancelFlush = this.#schedule(() => this.flush());
    this.#batch.push({ exchange, tooLarge });
    const bytes = heldBytes(exchange);
    this.#batchBytes += bytes;
    this.#exchanges++;
    this.#bytes += bytes;
    if (this.#batch.length >= MAX_BATCH_EXCHANGES || this.#batchBytes >= MAX_BATCH_BYTES) this.flush();
  }

  /** Posts the batch now, if there is one. */
  flush(): void {
    if (this.#batch.length === 0) return;
    this.#cancelFlush?.();
    this.#cancelFlush = undefined;
    this.#posted.push({ exchanges: this.#batch.length, bytes: this.#batchBytes });
    const batch = this.#batch;
    this.#batch = [];
    this.#batchBytes = 0;
    this.#post(packBatch(batch));
  }

  /**
   * The judging thread judged and recorded the oldest batch posted: its room is free, and waiting requests go while
   * it lasts.
   */
  judged(): void {
    const batch = this.#posted.shift();
    if (!batch) return;
    this.#exchanges -= batch.exchanges;
    this.#bytes -= batch.bytes;
    this.#release();
  }

  /** Lets every waiting request go, now and from now on: the proxy is closing and drops the connections. */
  close(): void {
    this.#closed = true;
    this.#release();
  }

  #hasRoom(): boolean {
    return this.#closed || (this.#exchanges < this.#limits.exchanges && this.#bytes < this.#limits.bytes);
  }

  #release(): void {
    // Each request released may add an exchange only once it ends: they all go while the room lasts now.
    while (this.#waiting.length > 0 && this.#hasRoom()) this.#waiting.shift()!();
  }
}
