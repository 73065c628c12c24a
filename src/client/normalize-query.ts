// One spelling per query, so a pagination link back to a page already read is recognised however it is written.

function decodeComponent(text: string): string {
  // `+` is a space in a query (form encoding); `%2B` stays a plus.
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A stray `%` that starts no escape: only the hex digits of valid escapes are normalised.
    return spaced.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => `%${hex.toUpperCase()}`);
  }
}

/**
 * The query string with its parameters decoded, sorted by name then value, and encoded again in one way: reordered
 * parameters, `%2f` and `%2F`, `+` and `%20`, and empty `&&` pairs all give the same text.
 */
export function normalizeQuery(query: string): string {
  return query
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
      const value = eq === -1 ? "" : decodeComponent(pair.slice(eq + 1));
      return [name, value] as const;
    })
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
}
