// The judging thread's side of judging-messages.ts: each batch of exchanges turned into HAR entries, judged by the
// proxy's session (the one path a recording's entries take) and recorded, in the order the main thread forwarded
// them; each batch acknowledged once the recording has taken it, so the main thread's queue frees its room (a slow
// disk holds the batches in that queue, and new requests wait); the credentials collected passed back.
import type { MessagePort } from "node:worker_threads";
import type { HarEntry } from "../check/har/har-entry.ts";
import { type PackedBatch, unpackBatch } from "./judging-batch.ts";
import type { JudgingOutcome, ToJudging } from "./judging-messages.ts";
import { proxiedEntry } from "./proxied-entry.ts";
import type { ProxySession } from "./proxy-session.ts";

export interface JudgingParts {
  /** Made with the service's `collected` as its onSecrets. */
  session: ProxySession;
  /**
   * Gets every exchange's entry after it was judged (a recording); resolves once the recording can take more, which
   * a slow disk delays. Never rejects.
   */
  record?: (entry: HarEntry) => Promise<void>;
  /** The file the recording is written to until finish(): the main thread removes it if the thread dies. */
  temporaryFile?: string;
  /** At exit, once every exchange is judged: the proposal, the recording closed, lines for stderr. */
  finish(): Promise<Omit<JudgingOutcome, "report">>;
  /** When the proxy stops on an error: removes the recording. */
  abort(): Promise<void>;
}

export class JudgingService {
  readonly #port: MessagePort;
  #added = { secrets: [] as string[], inBase64: [] as string[] };

  constructor(port: MessagePort) {
    this.#port = port;
  }

  /** The session's onSecrets: credentials collected, passed back with the batch's acknowledgement. */
  readonly collected = (added: { secrets: string[]; inBase64: string[] }): void => {
    this.#added.secrets.push(...added.secrets);
    this.#added.inBase64.push(...added.inBase64);
  };

  /** Says the thread could not set up, and why. */
  refuse(lines: [string, ...string[]]): void {
    this.#port.postMessage({ type: "refused", lines });
  }

  /**
   * Says the thread is ready, then handles the main thread's messages. An error thrown fails the thread, its message
   * redacted with every credential collected, those of the exchange being judged included.
   */
  serve(parts: JudgingParts): void {
    const redacted = (error: unknown) =>
      new Error(parts.session.redactor.text(error instanceof Error ? error.message : String(error)));
    this.#port.on("message", (message: ToJudging) => {
      try {
        this.#handle(parts, message)?.catch((error: unknown) => {
          throw redacted(error);
        });
      } catch (error) {
        throw redacted(error);
      }
    });
    this.#port.postMessage({ type: "ready", temporaryFile: parts.temporaryFile });
  }

  /** Handles one message; a promise when its answer comes later. */
  #handle(parts: JudgingParts, message: ToJudging): Promise<void> | undefined {
    if (message.type === "exchanges") return this.#judge(parts, message.batch);
    if (message.type === "report") {
      parts.session.counts.forwarded = message.forwarded;
      this.#port.postMessage({ type: "report", id: message.id, report: parts.session.report() });
      return undefined;
    }
    if (message.type === "finish") return this.#finish(parts, message.id, message.forwarded);
    return parts.abort().then(() => this.#port.postMessage({ type: "aborted", id: message.id }));
  }

  /**
   * Judges a batch now; acknowledges it once the recording has taken its last entry without passing the writer's
   * bound. The recording writes in order, so the acknowledgements go in the order the batches came.
   */
  #judge({ session, record }: JudgingParts, batch: PackedBatch): Promise<void> | undefined {
    let recorded: Promise<void> | undefined;
    for (const { exchange, tooLarge } of unpackBatch(batch)) {
      const entry = proxiedEntry(exchange);
      if (!session.observe(entry, tooLarge)) continue;
      recorded = record?.(entry);
    }
    if (this.#added.secrets.length + this.#added.inBase64.length > 0) {
      this.#port.postMessage({ type: "secrets", ...this.#added });
      this.#added = { secrets: [], inBase64: [] };
    }
    const judged = () => this.#port.postMessage({ type: "judged" });
    if (!recorded) return void judged();
    return recorded.then(judged);
  }

  async #finish(parts: JudgingParts, id: number, forwarded: number): Promise<void> {
    const rest = await parts.finish();
    parts.session.counts.forwarded = forwarded;
    this.#port.postMessage({ type: "finished", id, outcome: { ...rest, report: parts.session.report() } });
  }
}
