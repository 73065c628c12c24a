// The proxy variables of the CLI's environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lowercase first), checked before
// anything is sent, and which of them routes a given URL. The library client never reads them: the CLI hands it a
// fetch that honours them (proxied-fetch.ts).
import { UsageError } from "./usage-error.ts";

export interface ProxyVariable {
  /** The name the value came from, for messages: the value itself may hold credentials and is never shown. */
  variable: string;
  url: URL;
}

export interface ProxySettings {
  http?: ProxyVariable;
  https?: ProxyVariable;
  /** NO_PROXY as given: host names, `.suffix`, `*.suffix`, `host:port` or `*`, separated by commas or spaces. */
  noProxy: string;
}

/** Every variable the settings are read from; the embedded mock is started without them. */
export const PROXY_VARIABLES = [
  "https_proxy",
  "HTTPS_PROXY",
  "http_proxy",
  "HTTP_PROXY",
  "no_proxy",
  "NO_PROXY",
] as const;

const DEFAULT_PORTS: Readonly<Record<string, number>> = { "http:": 80, "https:": 443 };

function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): { variable: string; value: string } | undefined {
  for (const variable of names) {
    const value = env[variable]?.trim();
    if (value) return { variable, value };
  }
  return undefined;
}

/** undici decodes the user:password@ part to send it, and throws on a percent sign that starts no escape (`%ZZ`). */
function decodableUserinfo(url: URL): boolean {
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return true;
  } catch {
    return false;
  }
}

function proxyVariable(env: NodeJS.ProcessEnv, names: readonly string[]): ProxyVariable | undefined {
  const found = firstSet(env, names);
  if (!found) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(found.value);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    url.hostname === "" ||
    !decodableUserinfo(url)
  ) {
    throw new UsageError(
      `${found.variable} is not a proxy URL: expected http://host:port or https://host:port, optionally with user:password@, a % in them written %25 (its value is not shown: it may hold credentials)`,
    );
  }
  return { variable: found.variable, url };
}

/** The proxy settings of `env`, or undefined when no proxy variable is set (requests then go out directly). */
export function proxySettingsFrom(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const http = proxyVariable(env, ["http_proxy", "HTTP_PROXY"]);
  const https = proxyVariable(env, ["https_proxy", "HTTPS_PROXY"]);
  if (!http && !https) return undefined;
  return { http, https, noProxy: firstSet(env, ["no_proxy", "NO_PROXY"])?.value ?? "" };
}

/**
 * The proxies' credentials, to be removed from everything the CLI prints: each user and password, and `user:password`,
 * as the URL writes them and percent-decoded. Their base64 (the Proxy-Authorization value) is the redactor's to add.
 */
export function proxySecrets(settings: ProxySettings): string[] {
  const secrets = new Set<string>();
  for (const proxy of [settings.http, settings.https]) {
    if (!proxy || (proxy.url.username === "" && proxy.url.password === "")) continue;
    const raw = [proxy.url.username, proxy.url.password];
    // decodableUserinfo has checked that both decode.
    const decoded = raw.map((part) => decodeURIComponent(part));
    for (const secret of [raw.join(":"), decoded.join(":"), ...raw, ...decoded]) if (secret !== "") secrets.add(secret);
  }
  return [...secrets];
}

/** `env` without any proxy variable. */
export function withoutProxyVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of PROXY_VARIABLES) delete copy[name];
  return copy;
}

/**
 * The proxy a request to `target` goes through, or undefined when it goes direct. The same rules as undici's
 * EnvHttpProxyAgent, which does the routing: NO_PROXY `*` or a matching host (itself or a subdomain, and the port when
 * the entry names one) goes direct; https uses HTTPS_PROXY, or HTTP_PROXY when that is unset; http uses HTTP_PROXY.
 */
export function proxyFor(settings: ProxySettings, target: URL): ProxyVariable | undefined {
  const host = target.host.replace(/:\d*$/, "").toLowerCase();
  const port = Number.parseInt(target.port, 10) || DEFAULT_PORTS[target.protocol] || 0;
  const entries = settings.noProxy.split(/[,\s]/).filter(Boolean);
  if (settings.noProxy === "*") return undefined;
  for (const entry of entries) {
    const withPort = /^(.+):(\d+)$/.exec(entry);
    const entryHost = (withPort ? withPort[1]! : entry).replace(/^\*?\./, "").toLowerCase();
    if (withPort && Number.parseInt(withPort[2]!, 10) !== port) continue;
    if (host === entryHost || host.endsWith(`.${entryHost}`)) return undefined;
  }
  return target.protocol === "https:" ? (settings.https ?? settings.http) : settings.http;
}
