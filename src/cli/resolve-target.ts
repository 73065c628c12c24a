// Which API a command talks to: --base-url, --space, the SIGNALWIRE_* environment, or (for check) the embedded mock.

import { createVideoLogsClient, type VideoLogsClient } from "../client/create-client.ts";
import type { VideoLogsClientOptions } from "../client/options.ts";
import { isInvalidInputError } from "../errors/invalid-input-error.ts";
import type { ServerTarget } from "../report/report-types.ts";
import { createProxiedFetch } from "./proxied-fetch.ts";
import { proxySecrets, proxySettingsFrom } from "./proxy-settings.ts";
import { UsageError } from "./usage-error.ts";

export interface TargetFlags {
  "base-url"?: string;
  space?: string;
}

export interface ResolvedTarget {
  kind: ServerTarget["kind"];
  client: (overrides?: VideoLogsClientOptions) => VideoLogsClient;
  /** The fetch the clients use when a proxy variable is set (for requests sent without a client); else undefined. */
  fetch?: typeof globalThis.fetch;
}

/** What the user typed for each client option the CLI fills: a flag or an environment variable, never its value. */
const WHERE_FROM: Readonly<Record<string, string>> = {
  baseUrl: "--base-url",
  space: "--space or SIGNALWIRE_SPACE",
  projectId: "SIGNALWIRE_PROJECT_ID",
  apiToken: "SIGNALWIRE_API_TOKEN",
};

/**
 * Builds clients for the chosen target; returns undefined when nothing names one. With HTTPS_PROXY / HTTP_PROXY in
 * `env`, the clients send through the proxy (unless NO_PROXY names the target) and redact its credentials too.
 */
export function resolveTarget(
  flags: TargetFlags,
  env: NodeJS.ProcessEnv,
  base: VideoLogsClientOptions = {},
): ResolvedTarget | undefined {
  const baseUrl = flags["base-url"];
  const space = flags.space ?? (baseUrl ? undefined : env.SIGNALWIRE_SPACE);
  if (!baseUrl && !space) return undefined;
  const proxies = proxySettingsFrom(env);
  const proxiedFetch = proxies ? createProxiedFetch(proxies) : undefined;
  const options: VideoLogsClientOptions = {
    // The proxies' credentials are redacted wherever the clients redact theirs: reports, proposals, errors.
    ...(proxies && proxiedFetch ? { fetch: proxiedFetch, secrets: proxySecrets(proxies) } : {}),
    ...base,
    env,
    ...(baseUrl ? { baseUrl } : { space }),
  };
  const missing = [
    base.projectId === undefined && !env.SIGNALWIRE_PROJECT_ID?.trim() ? "SIGNALWIRE_PROJECT_ID" : undefined,
    base.apiToken === undefined && !env.SIGNALWIRE_API_TOKEN?.trim() ? "SIGNALWIRE_API_TOKEN" : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new UsageError(`Missing credentials: set ${missing.join(" and ")} in the environment`);
  }
  const build = (overrides: VideoLogsClientOptions = {}) => {
    try {
      return createVideoLogsClient({ ...options, ...overrides });
    } catch (error) {
      if (isInvalidInputError(error))
        throw new UsageError(`${WHERE_FROM[error.field] ?? error.field}: ${error.message}`);
      throw error;
    }
  };
  build(); // checks the target and credentials now, before any request
  return { kind: baseUrl ? "base-url" : "space", client: build, fetch: proxiedFetch };
}
