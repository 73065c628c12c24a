// The one place that removes this client's credentials from bytes we keep: errors, reports, anything a person reads.
import { VideoLogsError } from "../errors/video-logs-error.ts";

/** What a secret is replaced with. */
export const REDACTED = "[REDACTED]";

export interface SecretScrubber {
  /** The text with every known form of the credentials replaced by {@link REDACTED}. */
  text(value: string): string;
  /** A copy of a JSON-like value (strings, property names, arrays, plain objects) with the credentials removed. */
  value<T>(value: T): T;
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern for one literal form of a secret; the hex digits of percent-escapes match in either case. */
function literalPattern(form: string): string {
  return escapeRegExp(form).replace(/%([0-9A-F])([0-9A-F])/g, (_m, a: string, b: string) => `%[${a}${a.toLowerCase()}][${b}${b.toLowerCase()}]`);
}

/** Every spelling of a secret a server could reflect: raw, percent-encoded, form-encoded, JSON-escaped. */
function formsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const percent = encodeURIComponent(secret);
  return [secret, percent, percent.replace(/%20/g, "+"), json, json.replace(/\//g, "\\/")];
}

/**
 * Builds the scrubber for one pair of credentials. The known secrets are the token, `projectId:token` and its base64
 * (the Basic value, standard and URL-safe alphabets), in every form {@link formsOf} lists.
 */
export function createSecretScrubber(projectId: string, apiToken: string): SecretScrubber {
  const pair = `${projectId}:${apiToken}`;
  const basic = Buffer.from(pair).toString("base64");
  const secrets = [apiToken, pair, basic, basic.replace(/=+$/, ""), Buffer.from(pair).toString("base64url")];
  const forms = [...new Set(secrets.flatMap(formsOf))].filter((form) => form.length > 0);
  // Longest first, so `project:token` goes whole rather than leaving the project id next to a redacted token.
  forms.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(literalPattern).join("|"), "g");

  const text = (value: string) => value.replace(pattern, REDACTED);

  function value<T>(input: T): T {
    // Iterative, so a deeply nested body cannot overflow the stack.
    const root = { v: input as unknown };
    const stack: [Record<string, unknown> | unknown[], string | number][] = [[root, "v"]];
    while (stack.length > 0) {
      const [parent, key] = stack.pop()!;
      const current = (parent as Record<string | number, unknown>)[key];
      if (typeof current === "string") {
        (parent as Record<string | number, unknown>)[key] = text(current);
      } else if (Array.isArray(current)) {
        const copy = current.slice();
        (parent as Record<string | number, unknown>)[key] = copy;
        for (let i = 0; i < copy.length; i++) stack.push([copy, i]);
      } else if (current !== null && typeof current === "object" && Object.getPrototypeOf(current) === Object.prototype) {
        const copy: Record<string, unknown> = {};
        for (const [name, item] of Object.entries(current)) copy[text(name)] = item;
        (parent as Record<string | number, unknown>)[key] = copy;
        for (const name of Object.keys(copy)) stack.push([copy, name]);
      }
    }
    return root.v as T;
  }

  function error<T>(input: T): T {
    // Only our errors hold server bytes; anything else (a caller's abort reason) is the caller's and stays as it is.
    if (!(input instanceof VideoLogsError)) return input;
    let current: unknown = input;
    // A cause chain is short; the bound only guards against a cycle.
    for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
      const target = current as Error & Record<string, unknown>;
      for (const key of Object.keys(target)) {
        if (key !== "cause") assign(target, key, value(target[key]));
      }
      assign(target, "message", text(target.message));
      if (typeof target.stack === "string") assign(target, "stack", text(target.stack));
      current = target.cause;
    }
    return input;
  }

  return { text, value, error };
}
