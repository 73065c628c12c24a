// Shared pieces of the hostile-server table: the secrets a server might reflect, and every place they could show.
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { expect } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";

const pair = `${PROJECT_ID}:${API_TOKEN}`;
const basic = Buffer.from(pair).toString("base64");

function everyByte(text: string, spell: (byte: number) => string): string {
  return [...Buffer.from(text)].map(spell).join("");
}

function everyUnit(text: string, spell: (hex: string) => string): string {
  return [...text].map((c) => spell(c.charCodeAt(0).toString(16).padStart(4, "0"))).join("");
}

/** Every spelling of the credentials a hostile server could send back, by name. */
export const REFLECTED_FORMS: Record<string, string> = {
  token: API_TOKEN,
  "project:token": pair,
  "Basic value": basic,
  "Basic value, URL-safe alphabet": Buffer.from(pair).toString("base64url"),
  "token, percent-encoded": encodeURIComponent(API_TOKEN),
  "project:token, percent-encoded (upper-case hex)": encodeURIComponent(pair),
  "project:token, percent-encoded (lower-case hex)": encodeURIComponent(pair).replace(/%[0-9A-F]{2}/g, (m) =>
    m.toLowerCase(),
  ),
  "Basic value, percent-encoded": encodeURIComponent(basic),
  "Basic value, JSON-escaped slashes": basic.replace(/\//g, "\\/"),
  "token, every byte percent-encoded (lower-case hex)": everyByte(
    API_TOKEN,
    (b) => `%${b.toString(16).padStart(2, "0")}`,
  ),
  "token, every byte percent-encoded (upper-case hex)": everyByte(
    API_TOKEN,
    (b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`,
  ),
  "token, as JSON \\u escapes (lower-case hex)": everyUnit(API_TOKEN, (hex) => `\\u${hex}`),
  "project:token, as JSON \\u escapes (upper-case hex)": everyUnit(pair, (hex) => `\\u${hex.toUpperCase()}`),
  "Basic value, percent-encoded and escaped by turns": [...basic]
    .map((c, i) => (i % 2 ? `%${c.charCodeAt(0).toString(16)}` : `\\u00${c.charCodeAt(0).toString(16)}`))
    .join(""),
};

/** What must never appear in any output: the secrets themselves, decoded. */
export const SECRETS = [API_TOKEN, pair, basic];

/** Every way an error reaches a person or a log. */
export function renderings(error: unknown): string[] {
  return [String(error), JSON.stringify(error), inspect(error, { depth: Infinity }), (error as Error)?.stack ?? ""];
}

/** Fails when any secret appears in the text, raw or in one of the reflected spellings. */
export function expectNoSecret(text: string): void {
  for (const form of [...SECRETS, ...Object.values(REFLECTED_FORMS)]) expect(text).not.toContain(form);
}

/** Every run of `length` characters of a secret, raw or in a reflected spelling; built once per length. */
const partsByLength = new Map<number, Set<string>>();
function secretParts(length: number): Set<string> {
  let parts = partsByLength.get(length);
  if (!parts) {
    parts = new Set();
    for (const form of [...SECRETS, ...Object.values(REFLECTED_FORMS)]) {
      for (let i = 0; i + length <= form.length; i++) parts.add(form.slice(i, i + length));
    }
    partsByLength.set(length, parts);
  }
  return parts;
}

/**
 * Fails when any run of `length` characters of a secret (raw or in a reflected spelling) appears in the text. Each
 * window of the text is looked up among the parts, once: the same verdict as searching the text for every part, in
 * time linear in the text.
 */
export function expectNoPartOfSecret(text: string, length = 8): void {
  const parts = secretParts(length);
  for (let at = 0; at + length <= text.length; at++) {
    const part = text.slice(at, at + length);
    if (parts.has(part))
      expect.fail(
        `found ${JSON.stringify(part)} of a secret in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`,
      );
  }
}

/** A CliIo that keeps what the command writes. */
export function capturedIo(env: Record<string, string>): CliIo & { out: () => string; err: () => string } {
  const sink = () => {
    let text = "";
    const stream = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    return { stream, text: () => text };
  };
  const stdout = sink();
  const stderr = sink();
  return { stdout: stdout.stream, stderr: stderr.stream, env, out: stdout.text, err: stderr.text };
}

/** Runs `fn` and returns what it threw; fails when it did not throw. */
export async function thrownBy(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}
