// Reads a response body within a byte limit, counting the decoded (decompressed) bytes as they arrive.

/** Thrown by {@link readBodyWithin} when the limit is passed; the caller turns it into a ResponseTooLargeError. */
export class BodyLimitExceeded extends Error {
  override name = "BodyLimitExceeded";
}

/**
 * The whole body, or a {@link BodyLimitExceeded} as soon as more than `maxBytes` have arrived. Stops reading (and
 * cancels the stream, so the connection is released) the moment the limit is passed: a gzip bomb or an endless body
 * costs at most `maxBytes` plus one chunk.
 */
export async function readBodyWithin(response: Response, maxBytes: number): Promise<Uint8Array> {
  const length = Number(response.headers.get("content-length"));
  // Without a content coding the announced length is the decoded length: refuse at once what cannot fit.
  if (!response.headers.has("content-encoding") && Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel();
    throw new BodyLimitExceeded();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyLimitExceeded();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
