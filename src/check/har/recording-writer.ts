// Writes a recording as it goes, one entry at a time: a HAR 1.2 log (the `entries` array opened first and closed by
// close()) or NDJSON (one entry per line). Each write waits for the disk when the stream's buffer is full, so memory
// stays bounded however long the recording. Every entry is redacted (redact-har-entry.ts) before it is written.
// Atomic by default: the entries go to a temporary file beside the target, renamed over it by close(), so a reader
// never sees half a recording and a failed run leaves the target as it was.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Redactor } from "../../redaction/redactor.ts";
import type { HarEntry } from "./har-entry.ts";
import { redactHarEntry } from "./redact-har-entry.ts";

export interface RecordingWriterOptions {
  /** `har`: one HAR 1.2 document; `ndjson`: one HAR entry per line. */
  format: "har" | "ndjson";
  /** The HAR log's `creator`. */
  creator: { name: string; version: string };
  /** Removes the credentials from every entry written. */
  redactor: Redactor;
  /** Write to a temporary file renamed on close (default true); false: write the target itself as entries come. */
  atomic?: boolean;
}

export interface RecordingWriter {
  /** The file written to until close(): the temporary file when atomic, else the target. */
  readonly writingTo: string;
  /** How many entries were written. */
  readonly entries: number;
  /** Writes one entry (redacted); resolves when the stream can take more. Rejects after close() or a write error. */
  write(entry: HarEntry): Promise<void>;
  /** Ends the document, flushes it and, when atomic, renames it over the target. */
  close(): Promise<void>;
  /** Stops without a recording: the temporary file is removed (a non-atomic target is left as far as it got). */
  abort(): Promise<void>;
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

function prefixOf({ format, creator }: RecordingWriterOptions): string {
  if (format === "ndjson") return "";
  const head = { version: "1.2", creator: { name: creator.name, version: creator.version } };
  // The log's fields, then `"entries":[` left open: the entries follow as they come.
  return `{"log":${JSON.stringify(head).slice(0, -1)},"entries":[\n`;
}

/** Resolves once the stream has opened its file, or rejects with the reason it could not (EEXIST, ENOENT, EACCES…). */
async function opened(stream: WriteStream): Promise<void> {
  await Promise.race([once(stream, "open"), once(stream, "error").then(([error]) => Promise.reject(error))]);
}

class StreamingRecordingWriter implements RecordingWriter {
  entries = 0;
  private state: "open" | "closed" = "open";
  private failure: Error | undefined;

  constructor(
    private readonly stream: WriteStream,
    readonly writingTo: string,
    private readonly target: string | undefined,
    private readonly options: RecordingWriterOptions,
  ) {
    stream.on("error", (error) => {
      this.failure ??= error;
    });
  }

  async write(entry: HarEntry): Promise<void> {
    this.assertWritable();
    const json = JSON.stringify(redactHarEntry(entry, this.options.redactor));
    const separator = this.options.format === "har" && this.entries > 0 ? ",\n" : "";
    const line = this.options.format === "ndjson" ? `${json}\n` : `${separator}${json}`;
    this.entries += 1;
    if (!this.stream.write(line)) await this.drained();
    this.assertWritable();
  }

  async close(): Promise<void> {
    this.assertWritable();
    this.state = "closed";
    if (this.options.format === "har") this.stream.write(`${this.entries > 0 ? "\n" : ""}]}}\n`);
    await this.ended();
    try {
      if (this.failure) throw this.failure;
      if (this.target !== undefined) await rename(this.writingTo, this.target);
    } catch (error) {
      // A recording that could not be finished leaves no temporary file behind.
      if (this.target !== undefined) await unlink(this.writingTo).catch(() => undefined);
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (this.state === "closed") return;
    this.state = "closed";
    this.stream.destroy();
    await once(this.stream, "close").catch(() => undefined);
    if (this.target !== undefined) await unlink(this.writingTo).catch(() => undefined);
  }

  private assertWritable(): void {
    if (this.state === "closed") throw new Error(`The recording ${this.target ?? this.writingTo} is already closed`);
    if (this.failure) throw this.failure;
  }

  /** Resolves on the stream's drain, error or close (abort() destroys it: a write waiting for the disk ends then). */
  private drained(): Promise<void> {
    if (this.failure || this.stream.destroyed) return Promise.resolve();
    const stream = this.stream;
    return new Promise((resolve) => {
      // Every listener removed once one fires: a long recording on a slow disk waits many times.
      const done = () => {
        stream.off("drain", done).off("error", done).off("close", done);
        resolve();
      };
      stream.on("drain", done).on("error", done).on("close", done);
    });
  }

  private async ended(): Promise<void> {
    if (this.stream.closed) return;
    await new Promise<void>((resolve) => {
      this.stream.end(() => resolve());
      this.stream.once("error", () => resolve());
    });
  }
}

/**
 * Opens a recording at `path`. Atomic (the default): a new temporary file beside it, created exclusively (0600: a
 * recording holds a Space's data) and renamed over `path` by close(). Not atomic: `path` itself, truncated.
 */
export async function openRecordingWriter(path: string, options: RecordingWriterOptions): Promise<RecordingWriter> {
  const atomic = options.atomic ?? true;
  const writingTo = atomic ? temporaryName(path) : path;
  const stream = createWriteStream(writingTo, { flags: atomic ? "wx" : "w", mode: 0o600 });
  try {
    await opened(stream);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const writer = new StreamingRecordingWriter(stream, writingTo, atomic ? path : undefined, options);
  const prefix = prefixOf(options);
  if (prefix !== "" && !stream.write(prefix)) await once(stream, "drain");
  return writer;
}
