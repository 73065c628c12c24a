// A copy-and-paste reproduction of one request, with credentials left to the shell's environment.
import { WRONG_API_TOKEN } from "./wrong-credentials.ts";

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * `auth: "env"` reads the real credentials from the environment; `"wrong"` repeats the deliberate bad-credential
 * probe; `"none"` sends no credentials at all.
 */
export function curlCommand(
  url: string,
  auth: "env" | "wrong" | "none",
  extraHeaders: Record<string, string> = {},
): string {
  const credentials =
    auth === "env"
      ? ' -u "$SIGNALWIRE_PROJECT_ID:$SIGNALWIRE_API_TOKEN"'
      : auth === "wrong"
        ? ` -u "$SIGNALWIRE_PROJECT_ID:${WRONG_API_TOKEN}"`
        : "";
  const headers = Object.entries(extraHeaders).map(([name, value]) => ` -H ${shellQuote(`${name}: ${value}`)}`);
  return `curl -sS${credentials} -H 'Accept: application/json'${headers.join("")} ${shellQuote(url)}`;
}
