// The bytes the policy fetch read for a response, so the client decodes them once, strictly, and sizes what it keeps.

const received = new WeakMap<Response, Uint8Array>();

export function rememberReceivedBody(response: Response, bytes: Uint8Array): void {
  received.set(response, bytes);
}

/** The body bytes read for a response that came through a client's policy fetch (empty for a bodiless status). */
export function receivedBody(response: Response): Uint8Array | undefined {
  return received.get(response);
}
