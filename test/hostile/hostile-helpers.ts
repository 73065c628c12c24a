// Shared pieces of the hostile-server table: the secrets a server might reflect, and every place they could show.
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { expect } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";

function everyByte(text: string, spell: (byte: number) => string): string {
  return [...Buffer.from(text)].map(spell).join("");
}

function everyUnit(text: string, spell: (hex: string) => string): string {
  return [...text].map((c) => spell(c.charCodeAt(0).toString(16).padStart(4, "0"))).join("");
}

/** One way a hostile server could send the credentials back, as a function of them. */
type Form = (projectId: string, token: string) => string;
const pairOf: Form = (projectId, token) => `${projectId}:${token}`;
const basicOf: Form = (projectId, token) => Buffer.from(pairOf(projectId, token)).toString("base64");

const FORMS: Record<string, Form> = {
  token: (_p, token) => token,
  "project:token": pairOf,
  "Basic value": basicOf,
  "Basic value, URL-safe alphabet": (p, t) => Buffer.from(pairOf(p, t)).toString("base64url"),
  "token, percent-encoded": (_p, token) => encodeURIComponent(token),
  "project:token, percent-encoded (upper-case hex)": (p, t) => encodeURIComponent(pairOf(p, t)),
  "project:token, percent-encoded (lower-case hex)": (p, t) =>
    encodeURIComponent(pairOf(p, t)).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  "Basic value, percent-encoded": (p, t) => encodeURIComponent(basicOf(p, t)),
  "Basic value, JSON-escaped slashes": (p, t) => basicOf(p, t).replace(/\//g, "\\/"),
  "token, every byte percent-encoded (lower-case hex)": (_p, token) =>
    everyByte(token, (b) => `%${b.toString(16).padStart(2, "0")}`),
  "token, every byte percent-encoded (upper-case hex)": (_p, token) =>
    everyByte(token, (b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`),
  "token, as JSON \\u escapes (lower-case hex)": (_p, token) => everyUnit(token, (hex) => `\\u${hex}`),
  "project:token, as JSON \\u escapes (upper-case hex)": (p, t) =>
    everyUnit(pairOf(p, t), (hex) => `\\u${hex.toUpperCase()}`),
  "Basic value, percent-encoded and escaped by turns": (p, t) =>
    [...basicOf(p, t)]
      .map((c, i) => (i % 2 ? `%${c.charCodeAt(0).toString(16)}` : `\\u00${c.charCodeAt(0).toString(16)}`))
      .join(""),
};

/** Every spelling of the credentials a hostile server could send back, by name. */
export const REFLECTED_FORMS: Record<string, string> = Object.fromEntries(
  Object.entries(FORMS).map(([name, form]) => [name, form(PROJECT_ID, API_TOKEN)]),
);

/** What must never appear in any output: the secrets themselves, decoded. */
export const SECRETS = [API_TOKEN, pairOf(PROJECT_ID, API_TOKEN), basicOf(PROJECT_ID, API_TOKEN)];

/** Every way an error reaches a person or a log. */
export function renderings(error: unknown): string[] {
  return [String(error), JSON.stringify(error), inspect(error, { depth: Infinity }), (error as Error)?.stack ?? ""];
}

/** Fails when any secret appears in the text, raw or in one of the reflected spellings. */
export function expectNoSecret(text: string): void {
  for (const form of [...SECRETS, ...Object.values(REFLECTED_FORMS)]) expect(text).not.toContain(form);
}

/** The same token with another first character: its spellings part from the real ones where the token begins. */
const OTHER_TOKEN = `~${API_TOKEN.slice(1)}`;

const sharedPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * For each spelling, its beginning that reaches `reach` characters past what the project id alone spells. The
 * project id is no secret (the client never redacts it on its own): a piece of it in a text is no leak, and a random
 * UUID in a report once held one (`-3b4d-4e`). Where a spelling starts to depend on the token is where it parts from
 * the same spelling of another token.
 */
function secretBeginnings(reach: number): string[] {
  return Object.values(FORMS).map((form) => {
    const real = form(PROJECT_ID, API_TOKEN);
    return real.slice(0, sharedPrefix(real, form(PROJECT_ID, OTHER_TOKEN)) + reach);
  });
}

/**
 * Fails when the text holds a spelling of a secret, or its beginning cut anywhere at least `reach` characters into
 * the secret part: what a cut inside a secret would keep. Looks for the secret and its spellings, never for a piece
 * taken from the middle of one.
 */
export function expectNoBeginningOfSecret(text: string, reach = 8): void {
  for (const beginning of secretBeginnings(reach)) {
    const at = text.indexOf(beginning);
    if (at >= 0)
      expect.fail(
        `found the beginning ${JSON.stringify(beginning)} of a secret in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + beginning.length + 40))}`,
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
