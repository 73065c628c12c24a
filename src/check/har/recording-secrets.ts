// The credentials a recording holds, so that none reaches a report: the values of credential headers (Authorization,
// Proxy-Authorization, Cookie, Set-Cookie and any header named like a secret), cookies, userinfo, and query and
// fragment parameters named like a secret. URLs are reported with those values replaced; the values themselves feed a
// redactor that removes them wherever a server echoed them (a body, a header we quote).
import { maskUserinfo } from "../../client/mask-userinfo.ts";
import { perSpec } from "../../operations/active-spec.ts";
import { allOperations, parametersIn } from "../../operations/operation-table.ts";
import { type EncodedSecrets, withBase64Spellings } from "../../redaction/encoded-secret.ts";
import { suggestsSecret } from "../../redaction/secret-name.ts";
import { MIN_SECRET_LENGTH, REDACTED } from "../../redaction/secrets-redactor.ts";
import type { HarEntry } from "./har-types.ts";

/** Besides the names of redaction/secret-name.ts, what a header or query parameter carrying a credential is called. */
const TRANSPORT_SECRET_NAME = /^sig$|session|jwt|bearer/i;

/** Answers for names seen before: every exchange of a proxy or a recording asks of the same few header names. */
const secretNamedAnswers = new Map<string, boolean>();
const MAX_ANSWERS = 1024;
const MAX_ANSWERED_NAME = 128;

/** A header or query parameter whose name says it carries a credential. */
export function secretNamed(name: string): boolean {
  const known = secretNamedAnswers.get(name);
  if (known !== undefined) return known;
  const answer = suggestsSecret(name) || TRANSPORT_SECRET_NAME.test(name);
  if (name.length <= MAX_ANSWERED_NAME) {
    if (secretNamedAnswers.size >= MAX_ANSWERS) secretNamedAnswers.clear();
    secretNamedAnswers.set(name, answer);
  }
  return answer;
}

/** The query parameters the spec declares are the API's own (a page token is a cursor), never credentials. */
const declaredQuery = perSpec(
  () =>
    new Set(
      allOperations().flatMap((operation) => parametersIn(operation, "query").map((parameter) => parameter.name)),
    ),
);

export const isSecretQueryName = (name: string) => secretNamed(name) && !declaredQuery().has(name);

const decodeQueryPart = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
};

/**
 * What an entry holds: values redacted as they are (a whole header value, a cookie's `name=value`, a Basic value),
 * and the credentials themselves, which are redacted in their base64 spellings too (see base64Spellings).
 */
interface Found {
  asIs: string[];
  credentials: string[];
}

/**
 * A Basic value: as it is, and `user:password` and the password as credentials (the spellings of `user:password` are
 * every other form of the Basic value). False when it does not decode to `user:password`.
 */
function basicSecrets(credential: string, found: Found): boolean {
  const decoded = Buffer.from(credential, "base64").toString("utf8");
  if (!decoded.includes(":")) return false;
  found.asIs.push(credential);
  found.credentials.push(decoded, decoded.slice(decoded.indexOf(":") + 1));
  return true;
}

/** The secret parts of one credential header's value. */
function headerSecrets(name: string, value: string, found: Found): void {
  const lower = name.toLowerCase();
  if (lower === "authorization" || lower === "proxy-authorization") {
    const [scheme, credential] = value.trim().split(/\s+/, 2);
    if (!credential) return void found.credentials.push(value);
    found.asIs.push(value);
    if (scheme!.toLowerCase() !== "basic" || !basicSecrets(credential, found)) found.credentials.push(credential);
  } else if (lower === "cookie" || lower === "set-cookie") {
    found.asIs.push(value);
    // Cookie: a=1; b=2. Set-Cookie: a=1; Path=/ (only the first pair is the cookie).
    const pairs = lower === "cookie" ? value.split(";") : [value.split(";")[0]!];
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      if (at >= 0) {
        found.asIs.push(pair.trim());
        found.credentials.push(pair.slice(at + 1).trim());
      }
    }
  } else found.credentials.push(value);
}

/** The credentials of an entry's URL: secret-named query and fragment parameters, and userinfo. */
function urlSecrets(raw: string, found: Found): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return; // A URL that does not parse is reported only through safeUrl, which masks what it cannot read.
  }
  for (const [name, value] of url.searchParams) if (isSecretQueryName(name)) found.credentials.push(value);
  // A fragment is never sent, but a recorder may keep it, and an OAuth token travels there (`#access_token=…`).
  for (const [name, value] of new URLSearchParams(url.hash.slice(1)))
    if (secretNamed(name)) found.credentials.push(value);
  if (url.password) {
    const user = decodeQueryPart(url.username);
    const password = decodeQueryPart(url.password);
    found.credentials.push(password, `${user}:${password}`);
  }
  if (url.username) found.credentials.push(decodeQueryPart(url.username));
}

/** The spellings of credentials seen before: a proxy's or a recording's exchanges repeat the same few. */
const spellingsOf = new Map<string, EncodedSecrets>();

function credentialSpellings(credentials: string[]): EncodedSecrets {
  const key = credentials.join("\u0000");
  const known = spellingsOf.get(key);
  if (known) return known;
  const spellings = withBase64Spellings(credentials);
  if (spellingsOf.size >= MAX_ANSWERS) spellingsOf.clear();
  spellingsOf.set(key, spellings);
  return spellings;
}

/**
 * Every credential value in an entry, in each form we know it may be echoed in: the values as they are, and each
 * credential with its base64 spellings (a Bearer token echoed base64-encoded, alone or inside longer base64 text).
 * Values shorter than MIN_SECRET_LENGTH are left out, as the redactor leaves them.
 */
export function entrySecrets(entry: HarEntry): EncodedSecrets {
  const found: Found = { asIs: [], credentials: [] };
  for (const { name, value } of [...entry.request.headers, ...entry.response.headers]) {
    if (secretNamed(name) || /^proxy-authorization$|^set-cookie$/i.test(name)) headerSecrets(name, value, found);
  }
  for (const cookie of [...entry.request.cookies, ...entry.response.cookies]) {
    found.asIs.push(`${cookie.name}=${cookie.value}`);
    found.credentials.push(cookie.value);
  }
  for (const { name, value } of entry.request.queryString) if (isSecretQueryName(name)) found.credentials.push(value);
  urlSecrets(entry.request.url, found);
  const { secrets, inBase64Text } = credentialSpellings(found.credentials);
  return { secrets: [...found.asIs.filter((secret) => secret.length >= MIN_SECRET_LENGTH), ...secrets], inBase64Text };
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
