// The Response handed to openapi-fetch (`client.raw`): the real one (status, headers and url intact), with its body
// readers answering from the bytes the policy fetch read within the attempt.

const UTF8 = new TextDecoder();

/** Cheaper than constructing a second Response around the same bytes; each reader returns its own copy. */
export function bufferedResponse(response: Response, bytes: Uint8Array): Response {
  const readers: Record<string, () => unknown> = {
    arrayBuffer: () => bytes.slice().buffer,
    bytes: () => bytes.slice(),
    text: () => UTF8.decode(bytes),
    json: () => JSON.parse(UTF8.decode(bytes)),
    blob: () => new Blob([bytes], { type: response.headers.get("content-type") ?? "" }),
  };
  for (const [name, read] of Object.entries(readers)) {
    Object.defineProperty(response, name, { value: async () => read() });
  }
  Object.defineProperty(response, "body", {
    // openapi-fetch asks for the stream with `parseAs: "stream"`: copy on read.
    get: () =>
      bytes.byteLength === 0
        ? null
        : new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                controller.enqueue(bytes.slice());
                controller.close();
              },
            },
            { highWaterMark: 0 },
          ),
  });
  return response;
}
