/** Response headers that carry the server's request id, in the order they are looked for. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id"];

/** The server's request id for a response, when it sends one. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
