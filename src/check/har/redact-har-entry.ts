// An entry fit to be written to a recording: no credential header or cookie at all, the values of query parameters
// named like a secret replaced, userinfo masked, and every secret a server echoed redacted wherever it is. A body is
// kept byte for byte unless it holds a secret, so that a replay judges the bytes the live run judged.
import { mapStrings } from "../../redaction/map-strings.ts";
import type { Redactor } from "../../redaction/redactor.ts";
import { REDACTED } from "../../redaction/secrets-redactor.ts";
import type { HarEntry, HarNameValue } from "./har-entry.ts";
import type { HarContent } from "./har-types.ts";
import { isSecretQueryName, safeUrl, secretNamed } from "./recording-secrets.ts";

/** Headers never written, whatever their value: they carry credentials by their name. */
const CREDENTIAL_HEADER = /^(?:proxy-)?authorization$|^(?:set-)?cookie2?$/i;

const isCredentialHeader = (name: string) => CREDENTIAL_HEADER.test(name) || secretNamed(name);

function keptHeaders(headers: HarNameValue[], redactor: Redactor): HarNameValue[] {
  return headers
    .filter(({ name }) => !isCredentialHeader(name))
    .map(({ name, value }) => ({ name, value: redactor.text(value) }));
}

function keptQuery(query: HarNameValue[], redactor: Redactor): HarNameValue[] {
  return query.map(({ name, value }) => ({
    name,
    value: isSecretQueryName(name) ? REDACTED : redactor.text(value),
  }));
}

/** A JSON body holding a secret: redacted as JSON (a digits-only token echoed as a number becomes a string). */
function redactedJson(text: string, redactor: Redactor): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const numbers = (n: number) => (redactor.numberHoldsSecret(n) ? REDACTED : n);
  return JSON.stringify(mapStrings(value, (s) => redactor.text(s), { names: true, numbers }));
}

function keptText(text: string, redactor: Redactor): string {
  const redacted = redactor.text(text);
  if (redacted === text && !mentionsSecretNumber(text, redactor)) return text;
  return redactedJson(text, redactor) ?? redacted;
}

/** Whether a text holds a number that spells a secret (only a JSON body can say so cheaply: digits runs). */
function mentionsSecretNumber(text: string, redactor: Redactor): boolean {
  for (const match of text.matchAll(/-?\d{8,}/g)) if (redactor.numberHoldsSecret(Number(match[0]))) return true;
  return false;
}

function keptContent(content: HarContent, redactor: Redactor): HarContent {
  if (content.text === undefined) return { ...content, mimeType: redactor.text(content.mimeType) };
  if (content.encoding !== "base64")
    return { ...content, mimeType: redactor.text(content.mimeType), text: keptText(content.text, redactor) };
  // Bytes that are not text: a secret in them is looked for in their Latin-1 reading, byte for character.
  const latin1 = Buffer.from(content.text, "base64").toString("latin1");
  const redacted = redactor.text(latin1);
  const text = redacted === latin1 ? content.text : Buffer.from(redacted, "latin1").toString("base64");
  return { ...content, mimeType: redactor.text(content.mimeType), text };
}

/** The entry as it may be written. Idempotent: an entry redacted twice is the entry redacted once. */
export function redactHarEntry(entry: HarEntry, redactor: Redactor): HarEntry {
  const { request, response } = entry;
  const redacted: HarEntry = {
    ...entry,
    request: {
      ...request,
      url: redactor.text(safeUrl(request.url)),
      headers: keptHeaders(request.headers, redactor),
      cookies: [],
      queryString: keptQuery(request.queryString, redactor),
    },
    response: {
      ...response,
      statusText: redactor.text(response.statusText),
      headers: keptHeaders(response.headers, redactor),
      cookies: [],
      content: keptContent(response.content, redactor),
      redirectURL: redactor.text(safeUrl(response.redirectURL)),
    },
  };
  if (entry._videoLogs !== undefined)
    redacted._videoLogs = mapStrings(entry._videoLogs, (s) => redactor.text(s), { names: false });
  return redacted;
}
