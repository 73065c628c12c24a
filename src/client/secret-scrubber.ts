// The one place that removes this client's credentials from bytes we keep: errors, reports, anything a person reads.
import { VideoLogsError } from "../errors/video-logs-error.ts";
import { withBase64Spellings } from "../redaction/encoded-secret.ts";
import { mapStrings } from "../redaction/map-strings.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { createSecretsRedactor, REDACTED } from "../redaction/secrets-redactor.ts";

export { MIN_SECRET_LENGTH, REDACTED } from "../redaction/secrets-redactor.ts";

/** The properties of our errors that hold the server's own payload: their property names are the server's too. */
const SERVER_PAYLOADS = new Set(["body", "headers"]);

export interface SecretScrubber extends Redactor {
  /**
   * A copy of a JSON value from the server with the credentials removed from its strings and property names, and every
   * number that spells one (a digits-only token echoed as a number) replaced by the string `[REDACTED]`.
   */
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
 * Builds the scrubber for one pair of credentials, and any other secrets the client is given (a proxy's credentials).
 * The known secrets are the token, `projectId:token` and each other secret, with their base64 spellings (the Basic
 * value among them, and an echo inside longer base64 text: see base64Spellings), each in every spelling
 * `spelledSecret` matches (see createSecretsRedactor). A number in a server's value that spells one becomes
 * `[REDACTED]`.
 */
export function createSecretScrubber(
  projectId: string,
  apiToken: string,
  otherSecrets: readonly string[] = [],
): SecretScrubber {
  const { secrets, inBase64Text } = withBase64Spellings([apiToken, `${projectId}:${apiToken}`, ...otherSecrets]);
  const redactor = createSecretsRedactor(secrets, inBase64Text);
  const { text, cut, numberHoldsSecret } = redactor;
  const numbers = (input: number) => (numberHoldsSecret(input) ? REDACTED : input);

  const value = <T>(input: T): T => mapStrings(input, text, { names: true, numbers });
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

  return { text, cut, numberHoldsSecret, value, fields, error };
}
