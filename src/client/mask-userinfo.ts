// An input that may hold credentials is never echoed whole: its userinfo (`user:password@`) is masked.

/**
 * `https://id:token@example.signalwire.com` → `https://***@example.signalwire.com`; `id:token@example` →
 * `***@example`. Everything after the scheme up to the last `@` is masked, even where a URL parser would stop the
 * authority earlier: a token may hold a `/`, and no valid Space name or host holds an `@`.
 */
export function maskUserinfo(value: string): string {
  const at = value.lastIndexOf("@");
  if (at === -1) return value;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0] ?? "";
  return `${scheme}***${value.slice(at)}`;
}
