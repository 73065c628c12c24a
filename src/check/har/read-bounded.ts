// A file's bytes, read no further than a bound: a character device or a FIFO (`/dev/zero`, `<(yes)`) reports size 0
// to stat and never ends, so the size stat gives cannot be the only bound.
import { open } from "node:fs/promises";

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
