// The copy of a response body the proxy judges: the bytes as they pass, kept up to a bound, then decoded (gzip,
// deflate, br) with the same bound on the decoded size. The client gets the original bytes; this is only a copy.
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

export type CopiedBody =
  | { kind: "bytes"; bytes: Buffer }
  /** Past the bound, raw or decoded: passed through unjudged. */
  | { kind: "too-large" }
  /** A Content-Encoding this copy cannot decode: nothing to judge, and why. */
  | { kind: "unreadable"; reason: string };

type Decoder = (bytes: Buffer, options: { maxOutputLength: number }) => Buffer;

const DECODERS: Record<string, Decoder | undefined> = {
  gzip: gunzipSync,
  "x-gzip": gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

export class BodyCopy {
  readonly #max: number;
  readonly #chunks: Buffer[] = [];
  #size = 0;
  #over = false;

  constructor(maxBytes: number) {
    this.#max = maxBytes;
  }

  /** Keeps a chunk, until the copy is past the bound; then it keeps nothing more. */
  add(chunk: Buffer): void {
    if (this.#over) return;
    this.#size += chunk.length;
    if (this.#size > this.#max) {
      this.#over = true;
      this.#chunks.length = 0;
    } else this.#chunks.push(chunk);
  }

  /** The body as the application reads it, decoded by its Content-Encoding (a list is undone last to first). */
  decoded(contentEncoding: string | undefined): CopiedBody {
    if (this.#over) return { kind: "too-large" };
    let bytes: Buffer = Buffer.concat(this.#chunks, this.#size);
    const codings = (contentEncoding ?? "")
      .split(",")
      .map((coding) => coding.trim().toLowerCase())
      .filter((coding) => coding !== "" && coding !== "identity");
    for (const coding of codings.reverse()) {
      const decode = DECODERS[coding];
      if (!decode)
        return {
          kind: "unreadable",
          reason: `its Content-Encoding ${JSON.stringify(coding.slice(0, 40))} is not one the proxy decodes`,
        };
      try {
        bytes = decode(bytes, { maxOutputLength: this.#max });
      } catch (error) {
        if (error instanceof RangeError) return { kind: "too-large" };
        return { kind: "unreadable", reason: `its body is not valid ${coding}` };
      }
    }
    return { kind: "bytes", bytes };
  }
}
