// The proxy's judging thread, seen from the main thread: a worker that judges every exchange the main thread forwards
// (judging-service.ts on its side), fed through a bounded queue (judging-queue.ts), asked for the report while the
// proxy runs and for everything else at exit. The main thread keeps only the credentials the worker collected, to
// redact its own error messages. A worker that fails or ends unasked rejects `failure`: the proxy stops, it never
// hangs waiting for an answer that will not come, and the recording's temporary file the worker left is removed.
import { rm } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { GrowingSecretsRedactor } from "../redaction/growing-secrets-redactor.ts";
import type { DriftReport } from "../report/report-types.ts";
import type { FromJudging, JudgingOutcome, ToJudging } from "./judging-messages.ts";
import { JudgingQueue, type QueueLimits } from "./judging-queue.ts";

/** The judging thread could not set up (a recording it cannot write, say); the lines say why. */
export class JudgingRefusal extends Error {
  override name = "JudgingRefusal";
  readonly lines: [string, ...string[]];

  constructor(lines: [string, ...string[]]) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}

/** The judging thread failed or ended unasked: what it had judged is lost with it. */
export class JudgingFailure extends Error {
  override name = "JudgingFailure";
}

/** The longest part of a worker's error message quoted. */
const MAX_ERROR_CHARS = 300;

/** The worker in `file`; a TypeScript one (running from source, as tests do) is loaded through tsx, a devDependency. */
function workerOf(file: URL, workerData: unknown): Worker {
  if (!file.pathname.endsWith(".ts")) return new Worker(file, { workerData });
  const load = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(load, { eval: true, workerData });
}

type Reply = { resolve: (message: FromJudging) => void; reject: (error: Error) => void };

export class JudgingThread {
  readonly queue: JudgingQueue;
  /** Rejects once the thread fails: an error thrown in it, or its end before the main thread ended it. */
  readonly failure: Promise<never>;
  readonly #worker: Worker;
  readonly #replies = new Map<number, Reply>();
  #nextId = 0;
  readonly #redactor = new GrowingSecretsRedactor();
  #failed: Error | undefined;
  #ending = false;
  #ended: Promise<void> | undefined;
  /** Where the worker writes its recording until it renames it into place. */
  #temporaryFile: string | undefined;
  #fail!: (error: Error) => void;

  private constructor(worker: Worker, limits: QueueLimits | undefined) {
    this.#worker = worker;
    this.queue = new JudgingQueue((batch) => this.#send({ type: "exchanges", batch }, [batch.bodies]), limits);
    this.failure = new Promise<never>((_resolve, reject) => (this.#fail = reject));
    // The failure is handled by whoever awaits it; nobody awaiting it is no reason to crash.
    this.failure.catch(() => {});
  }

  /** Starts the worker in `file` with `workerData` and waits until it is set up. */
  static async start(file: URL, workerData: unknown, limits?: QueueLimits): Promise<JudgingThread> {
    const thread = new JudgingThread(workerOf(file, workerData), limits);
    await thread.#started();
    return thread;
  }

  /** Waits for the worker's first word: ready, refused, or an error or end instead. */
  #started(): Promise<void> {
    return new Promise((resolve, reject) => {
      const first = (message: FromJudging) => {
        if (message.type === "ready") {
          this.#temporaryFile = message.temporaryFile;
          this.#worker.off("error", early).off("exit", early);
          this.#listen();
          resolve();
        } else if (message.type === "refused") {
          this.#worker.off("error", early).off("exit", early);
          void this.terminate().then(() => reject(new JudgingRefusal(message.lines)));
        }
      };
      const early = (error: unknown) => {
        void this.terminate();
        reject(this.#failure(error));
      };
      this.#worker.once("message", first).once("error", early).once("exit", early);
    });
  }

  #listen(): void {
    this.#worker.on("message", (message: FromJudging) => this.#received(message));
    this.#worker.on("error", (error) => this.#stop(this.#failure(error)));
    this.#worker.on("exit", (code) => {
      if (!this.#ending) this.#stop(this.#failure(code));
    });
  }

  #received(message: FromJudging): void {
    if (message.type === "judged") this.queue.judged();
    else if (message.type === "secrets") {
      this.#redactor.add(message.secrets, message.inBase64);
    } else if ("id" in message) {
      const reply = this.#replies.get(message.id);
      this.#replies.delete(message.id);
      reply?.resolve(message);
    }
  }

  /** The error a worker's error or unasked end stands for, its message redacted and cut. */
  #failure(cause: unknown): JudgingFailure {
    const what =
      typeof cause === "number"
        ? `it ended (exit code ${cause})`
        : this.redact(cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_ERROR_CHARS);
    return new JudgingFailure(`the proxy's judging thread failed: ${what}`);
  }

  #stop(error: Error): void {
    if (this.#failed) return;
    this.#failed = error;
    for (const reply of this.#replies.values()) reply.reject(error);
    this.#replies.clear();
    this.queue.close();
    this.#fail(error);
    void this.terminate();
  }

  /** `text` with every credential the worker has collected so far removed. */
  redact(text: string): string {
    return this.#redactor.text(text);
  }

  /** The report of everything queued so far (`forwarded`: the requests the proxy forwarded). */
  async report(forwarded: number): Promise<DriftReport> {
    const reply = await this.#ask({ type: "report", id: this.#nextId++, forwarded });
    return (reply as Extract<FromJudging, { type: "report" }>).report;
  }

  /** At exit: the report of every exchange queued, the proposal, and the recording closed. */
  async finish(forwarded: number): Promise<JudgingOutcome> {
    const reply = await this.#ask({ type: "finish", id: this.#nextId++, forwarded });
    return (reply as Extract<FromJudging, { type: "finished" }>).outcome;
  }

  /** When the proxy stops on an error: the recording removed, then the worker ended. */
  async abort(): Promise<void> {
    await this.#ask({ type: "abort", id: this.#nextId++ }).catch(() => {});
    await this.terminate();
  }

  /**
   * Ends the worker, waiting for its end; then removes the recording's temporary file if the worker left it (it
   * failed, or was ended before it finished or aborted the recording; once renamed into place, there is none).
   */
  terminate(): Promise<void> {
    this.#ending = true;
    this.#ended ??= this.#worker.terminate().then(async () => {
      if (this.#temporaryFile !== undefined) await rm(this.#temporaryFile, { force: true }).catch(() => {});
    });
    return this.#ended;
  }

  #ask(message: Extract<ToJudging, { id: number }>): Promise<FromJudging> {
    if (this.#failed) return Promise.reject(this.#failed);
    // Posted after the exchanges queued before it, so the answer includes them.
    this.queue.flush();
    return new Promise((resolve, reject) => {
      this.#replies.set(message.id, { resolve, reject });
      this.#send(message);
    });
  }

  #send(message: ToJudging, transfer: ArrayBuffer[] = []): void {
    this.#worker.postMessage(message, transfer);
  }
}
