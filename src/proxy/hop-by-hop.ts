// Headers that belong to one hop (RFC 9110 §7.6.1): dropped from what is forwarded, in either direction, with every
// header the message's own Connection header names. Each hop sets its own framing and connection handling.

/** The hop-by-hop headers RFC 9110 §7.6.1 names, and the ones still sent in practice (Keep-Alive, Proxy-Connection). */
const HOP_BY_HOP = new Set([
  "connection",
  "proxy-connection",
  "keep-alive",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "proxy-authenticate",
  "proxy-authorization",
]);

/**
 * The end-to-end headers of a message given as Node's rawHeaders (name, value, name, value…), in their order and
 * spelling: the hop-by-hop ones and those Connection names left out.
 */
export function endToEndHeaders(raw: readonly string[]): string[] {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() !== "connection") continue;
    for (const token of raw[i + 1]!.split(",")) named.add(token.trim().toLowerCase());
  }
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && !named.has(name)) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

/** rawHeaders as HAR's name and value pairs. */
export function namedValues(raw: readonly string[]): { name: string; value: string }[] {
  const pairs: { name: string; value: string }[] = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push({ name: raw[i]!, value: raw[i + 1]! });
  return pairs;
}

/** The first value of header `name` (lowercase) in Node's rawHeaders. */
export function headerValue(raw: readonly string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) return raw[i + 1];
  return undefined;
}
