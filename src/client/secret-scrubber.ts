// The one place that removes this client's credentials from bytes we keep: errors, reports, anything a person reads.
import { VideoLogsError } from "../errors/video-logs-error.ts";
import { mapStrings } from "../redaction/map-strings.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { spelledSecret } from "../redaction/spelled-secret.ts";

/** What a secret is replaced with. */
export const REDACTED = "[REDACTED]";

/**
 * A secret shorter than this is not redacted on its own: it would turn ordinary words (and our own report's text)
 * into `[REDACTED]`. SignalWire tokens are far longer; `projectId:token` and the Basic value always are.
 */
export const MIN_SECRET_LENGTH = 8;

/** The properties of our errors that hold the server's own payload: their property names are the server's too. */
const SERVER_PAYLOADS = new Set(["body", "headers"]);

export interface SecretScrubber extends Redactor {
  /** A copy of a JSON value from the server with the credentials removed from its strings and property names. */
  value<T>(value: T): T;
  /** A copy of one of our own structures with the credentials removed from its strings; its property names stay. */
  fields<T>(value: T): T;
  /** Removes the credentials, in place, from an error's message, stack, own properties and causes; returns it. */
  error<T>(error: T): T;
}

/** Sets a property where it can be set: a cause may be a platform error with read-only fields. */
function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  try {
    if (target[key] !== value) target[key] = value;
  } catch {
    // A read-only field of a platform error is not ours to change.
  }
}

/**
 * Builds the scrubber for one pair of credentials. The known secrets are the token, `projectId:token` and its base64
 * (the Basic value: standard alphabet with and without padding, URL-safe alphabet), each in every spelling
 * {@link spelledSecret} matches.
 */
export function createSecretScrubber(projectId: string, apiToken: string): SecretScrubber {
  const pair = `${projectId}:${apiToken}`;
  const basic = Buffer.from(pair).toString("base64");
  const secrets = [...new Set([apiToken, pair, basic, basic.replace(/=+$/, ""), Buffer.from(pair).toString("base64url")])]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    // Longest first, so `project:token` goes whole rather than leaving the project id next to a redacted token.
    .sort((a, b) => b.length - a.length)
    .map(spelledSecret);
  const whole = secrets.length > 0 ? new RegExp(secrets.map((s) => s.whole).join("|"), "g") : undefined;
  const beginning = secrets.length > 0 ? new RegExp(`(?:${secrets.map((s) => s.beginning).join("|")})$`) : undefined;
  const reach = Math.max(0, ...secrets.map((s) => s.reach));

  const text = (value: string) => (whole ? value.replace(whole, REDACTED) : value);

  function cut(value: string, maxLength: number): { text: string; cut: boolean } {
    // Any spelling that starts within maxLength characters ends within the window.
    const window = value.length > maxLength + reach ? value.slice(0, maxLength + reach) : value;
    const redacted = text(window);
    if (window === value && redacted.length <= maxLength) return { text: redacted, cut: false };
    let head = redacted.slice(0, maxLength);
    // A cut edge inside a spelling of a secret (or the window's edge) must not keep its beginning.
    const tailStart = Math.max(0, head.length - reach);
    const partial = beginning ? head.slice(tailStart).search(beginning) : -1;
    if (partial >= 0) head = head.slice(0, tailStart + partial);
    return { text: head, cut: true };
  }

  const value = <T>(input: T): T => mapStrings(input, text, { names: true });
  const fields = <T>(input: T): T => mapStrings(input, text, { names: false });

  function error<T>(input: T): T {
    // Only our errors hold server bytes; anything else (a caller's abort reason) is the caller's and stays as it is.
    if (!(input instanceof VideoLogsError)) return input;
    let current: unknown = input;
    // A cause chain is short; the bound only guards against a cycle.
    for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
      const target = current as Error & Record<string, unknown>;
      for (const key of Object.keys(target)) {
        if (key !== "cause") assign(target, key, SERVER_PAYLOADS.has(key) ? value(target[key]) : fields(target[key]));
      }
      assign(target, "message", text(target.message));
      if (typeof target.stack === "string") assign(target, "stack", text(target.stack));
      current = target.cause;
    }
    return input;
  }

  return { text, cut, value, fields, error };
}
