// A file's bytes, read no further than a bound: a character device or a FIFO (`/dev/zero`, `<(yes)`) reports size 0
// to stat and never ends, so the size stat gives cannot be the only bound. The recording and the baseline are read
// through it (readBoundedText), each naming its own file in the messages.
import { open, stat } from "node:fs/promises";

const CHUNK_BYTES = 1024 * 1024;

/** The file's bytes, or undefined as soon as it holds more than `maxBytes`. */
export async function readBounded(file: string, maxBytes: number): Promise<Buffer | undefined> {
  const handle = await open(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return undefined;
    }
  } finally {
    await handle.close();
  }
}

/** Why a file's text could not be read: its error code, its size past the bound (when stat gave one), or bytes. */
export type TextReadProblem =
  | { problem: "unreadable"; code: string }
  | { problem: "too-large"; size: number | undefined }
  | { problem: "not-utf8" };

export class TextReadError extends Error {
  override name = "TextReadError";
  readonly reason: TextReadProblem;

  constructor(reason: TextReadProblem) {
    super(reason.problem);
    this.reason = reason;
  }
}

/**
 * The file's text: no more than `maxBytes` (refused by its size before it is read, so a huge file costs nothing, and
 * again as it is read, in case it grew or has no size), UTF-8, a byte order mark dropped. Throws a TextReadError.
 */
export async function readBoundedText(file: string, maxBytes: number): Promise<string> {
  let bytes: Buffer | undefined;
  try {
    const size = (await stat(file)).size;
    if (size > maxBytes) throw new TextReadError({ problem: "too-large", size });
    bytes = await readBounded(file, maxBytes);
  } catch (error) {
    if (error instanceof TextReadError) throw error;
    throw new TextReadError({ problem: "unreadable", code: (error as NodeJS.ErrnoException).code ?? "unreadable" });
  }
  if (bytes === undefined) throw new TextReadError({ problem: "too-large", size: undefined });
  try {
    // A byte order mark, which some tools write, is dropped (the decoder's default).
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new TextReadError({ problem: "not-utf8" });
  }
}

/** A size in MiB, to one decimal. */
export const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
