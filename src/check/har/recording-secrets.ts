// The credentials a recording holds, so that none reaches a report: the values of credential headers (Authorization,
// Proxy-Authorization, Cookie, Set-Cookie and any header named like a secret), cookies, userinfo, and query and
// fragment parameters named like a secret. URLs are reported with those values replaced; the values themselves feed a
// redactor that removes them wherever a server echoed them (a body, a header we quote).
import { maskUserinfo } from "../../client/mask-userinfo.ts";
import { allOperations, parametersIn } from "../../operations/operation-table.ts";
import { suggestsSecret } from "../../redaction/secret-name.ts";
import { REDACTED } from "../../redaction/secrets-redactor.ts";
import type { HarEntry } from "./har-types.ts";

/** Besides the names of redaction/secret-name.ts, what a header or query parameter carrying a credential is called. */
const TRANSPORT_SECRET_NAME = /^sig$|session|jwt|bearer/i;

/** A header or query parameter whose name says it carries a credential. */
const secretNamed = (name: string) => suggestsSecret(name) || TRANSPORT_SECRET_NAME.test(name);

/** The query parameters the spec declares are the API's own (a page token is a cursor), never credentials. */
const DECLARED_QUERY = new Set(
  allOperations.flatMap((operation) => parametersIn(operation, "query").map((parameter) => parameter.name)),
);

export const isSecretQueryName = (name: string) => secretNamed(name) && !DECLARED_QUERY.has(name);

const decodeQueryPart = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
};

/** `user:password` in base64 as every alphabet writes it, and the parts a server might echo. */
function basicSpellings(credential: string): string[] {
  const decoded = Buffer.from(credential, "base64").toString("utf8");
  if (!decoded.includes(":")) return [];
  const base64 = Buffer.from(decoded).toString("base64");
  return [
    decoded,
    decoded.slice(decoded.indexOf(":") + 1),
    base64.replace(/=+$/, ""),
    Buffer.from(decoded).toString("base64url"),
  ];
}

/** The secret parts of one credential header's value. */
function headerSecrets(name: string, value: string): string[] {
  const lower = name.toLowerCase();
  const secrets = [value];
  if (lower === "authorization" || lower === "proxy-authorization") {
    const [scheme, credential] = value.trim().split(/\s+/, 2);
    if (credential) {
      secrets.push(credential);
      if (scheme!.toLowerCase() === "basic") secrets.push(...basicSpellings(credential));
    }
  } else if (lower === "cookie" || lower === "set-cookie") {
    // Cookie: a=1; b=2. Set-Cookie: a=1; Path=/ (only the first pair is the cookie).
    const pairs = lower === "cookie" ? value.split(";") : [value.split(";")[0]!];
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      if (at >= 0) secrets.push(pair.trim(), pair.slice(at + 1).trim());
    }
  }
  return secrets;
}

/** Every credential value in an entry, in each form we know it may be echoed in. */
export function entrySecrets(entry: HarEntry): string[] {
  const secrets: string[] = [];
  for (const { name, value } of [...entry.request.headers, ...entry.response.headers]) {
    if (secretNamed(name) || /^proxy-authorization$|^set-cookie$/i.test(name))
      secrets.push(...headerSecrets(name, value));
  }
  for (const cookie of [...entry.request.cookies, ...entry.response.cookies])
    secrets.push(cookie.value, `${cookie.name}=${cookie.value}`);
  for (const { name, value } of entry.request.queryString) if (isSecretQueryName(name)) secrets.push(value);
  try {
    const url = new URL(entry.request.url);
    for (const [name, value] of url.searchParams) if (isSecretQueryName(name)) secrets.push(value);
    // A fragment is never sent, but a recorder may keep it, and an OAuth token travels there (`#access_token=…`).
    for (const [name, value] of new URLSearchParams(url.hash.slice(1))) if (secretNamed(name)) secrets.push(value);
    if (url.password)
      secrets.push(decodeQueryPart(url.password), `${decodeQueryPart(url.username)}:${decodeQueryPart(url.password)}`);
    if (url.username) secrets.push(decodeQueryPart(url.username));
  } catch {
    // A URL that does not parse is reported only through safeUrl, which masks what it cannot read.
  }
  return secrets.filter((secret) => secret !== "");
}

/**
 * A URL fit for a report: userinfo masked, the value of every query parameter named like a secret replaced, the
 * fragment dropped (an OAuth token may travel there). The rest keeps its recorded spelling.
 */
export function safeUrl(raw: string): string {
  const hash = raw.indexOf("#");
  const withoutFragment = hash >= 0 ? raw.slice(0, hash) : raw;
  const query = withoutFragment.indexOf("?");
  const base = query >= 0 ? withoutFragment.slice(0, query) : withoutFragment;
  let maskedBase = base;
  try {
    const url = new URL(base);
    if (url.username || url.password) maskedBase = `${url.protocol}//***@${url.host}${url.pathname}`;
  } catch {
    maskedBase = maskUserinfo(base);
  }
  if (query < 0) return maskedBase;
  const pairs = withoutFragment
    .slice(query + 1)
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      const name = at >= 0 ? pair.slice(0, at) : pair;
      return isSecretQueryName(decodeQueryPart(name)) ? `${name}=${REDACTED}` : pair;
    });
  return `${maskedBase}?${pairs.join("&")}`;
}
