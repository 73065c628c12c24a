// A fetch that goes through the proxy of HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names the target: undici's own
// fetch with its EnvHttpProxyAgent. Node's global fetch ignores these variables. Node 20 and 22 bundle undici 6, whose
// fetch drives a dispatcher through the handler interface undici 7 replaced; rather than lean on the compatibility
// layer between the two, the fetch and the dispatcher both come from the package.
import { createRequire } from "node:module";
import { withBase64Spellings } from "../redaction/encoded-secret.ts";
import { createSecretsRedactor } from "../redaction/secrets-redactor.ts";
import type { ProxySettings } from "./proxy-settings.ts";
import { proxyFor, proxySecrets } from "./proxy-settings.ts";

/** Failures to open a connection: with a proxy in the way, the only connection the client opens is to the proxy. */
const CONNECT_FAILURES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The innermost error of a cause chain, and the first error code met from the inside out. */
function causeOf(error: unknown): { code?: string; message: string } {
  const chain: unknown[] = [];
  for (
    let current = error;
    current !== undefined && chain.length < 8;
    current = current instanceof Error ? current.cause : undefined
  )
    chain.push(current);
  const innermost = chain[chain.length - 1];
  const code = chain
    .reverse()
    .map((e) => (e as { code?: unknown } | null)?.code)
    .find((c): c is string => typeof c === "string");
  return { code, message: innermost instanceof Error ? innermost.message : String(innermost) };
}

/** The proxy's refusal as one line; 407 means it wants other credentials than the URL holds. */
function refusal(variable: string, status: number): string {
  return status === 407
    ? `the proxy named by ${variable} refused its credentials (407): check the user:password@ part of its URL`
    : `the proxy named by ${variable} refused to open a tunnel (${status})`;
}

/** Loaded on first use only: a command without a proxy variable never pays for undici's import. */
const requireUndici = () => createRequire(import.meta.url)("undici") as typeof import("undici");

export function createProxiedFetch(settings: ProxySettings): typeof globalThis.fetch {
  const undici = requireUndici();
  const dispatcher = new undici.EnvHttpProxyAgent({
    // Explicit values (empty for unset), so that the agent never falls back to reading process.env itself.
    httpProxy: settings.http?.url.href ?? "",
    httpsProxy: settings.https?.url.href ?? "",
    noProxy: settings.noProxy,
    // An http target is asked for in absolute form, as curl does; CONNECT is for https targets.
    proxyTunnel: false,
  });
  // The proxies' credentials in every spelling, base64 included (the Proxy-Authorization value undici sends).
  const { secrets, inBase64Text } = withBase64Spellings(proxySecrets(settings));
  const { text: scrub } = createSecretsRedactor(secrets, inBase64Text);

  return async function proxiedFetch(input, init) {
    try {
      return (await undici.fetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as Response;
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      const url = new URL(input instanceof Request ? input.url : String(input));
      const proxy = proxyFor(settings, url);
      if (!proxy) throw error;
      // A new error without the original as its cause: undici's errors may quote the proxy, credentials included.
      const { code, message } = causeOf(error);
      if (code !== undefined && CONNECT_FAILURES.has(code))
        throw new Error(`cannot connect to the proxy named by ${proxy.variable} (${code})`);
      // undici's words for a refused tunnel (https), and for a 407 to an absolute-form request (http).
      const tunnel =
        /^Proxy response \((\d{3})\) !== 200/.exec(message) ?? /^Proxy Authentication Required \((407)\)/.exec(message);
      if (tunnel) throw new Error(refusal(proxy.variable, Number(tunnel[1])));
      throw new Error(`through the proxy named by ${proxy.variable}: ${scrub(message)}`);
    }
  };
}
