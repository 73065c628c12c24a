// A redactor for a list of secrets: every spelling of each one replaced, and a cut that never keeps part of one. The
// client builds one from its credentials; the recording check builds one from the credentials a HAR file holds.
import type { Redactor } from "./redactor.ts";
import { beginningMatcher, spelledSecret, spellingReach, spellingsReplacer } from "./spelled-secret.ts";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What a secret is replaced with. */
export const REDACTED = "[REDACTED]";

/**
 * A secret shorter than this is not redacted on its own: it would turn ordinary words (and our own report's text)
 * into `[REDACTED]`. SignalWire tokens are far longer; `projectId:token` and the Basic value always are.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * A secret longer than this is matched by a walk instead of a pattern: V8 refuses a pattern of every spelling of a
 * 20,000-character token, and compiles one of a few thousand characters slowly.
 */
const LONGEST_IN_A_PATTERN = 1_024;

/** Every spelling but the literal one holds one of these (`%41`, `\u0041`, `\"`); `+` spells only a space. */
const ESCAPE_CHARACTERS = /[%\\]/;
const ESCAPE_CHARACTERS_OR_PLUS = /[%\\+]/;

/** A secret JSON could write as a number: `847261935012`, `-12.5e3`. */
const NUMERIC = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The patterns of one list of secrets: built and compiled once, then shared by every redactor of the same list. */
interface Patterns {
  /** Every spelling of the secrets short enough for one pattern; undefined when every secret is longer. */
  whole: RegExp | undefined;
  /** Every spelling of the longer ones (see spellingsReplacer). */
  longSpellings: ((text: string) => string) | undefined;
  /** Any secret as it is: one pattern of literal alternatives, which V8 searches far faster than a loop of includes. */
  literal: RegExp;
  /** Which characters send a text to `whole`: `+` only when a secret holds a space. */
  escapes: RegExp;
  /** The numbers that digits-only secrets are, as JSON.parse reads them (past 2^53 too, where the digits change). */
  numbers: ReadonlySet<number>;
  /** Where a beginning of a spelling of a secret runs to the end of a text, or -1 (see beginningMatcher). */
  beginning: (text: string) => number;
  reach: number;
}

/**
 * The patterns of the last few lists of secrets. A client builds its redactor from its credentials, so a program that
 * makes a client per task with the same credentials would otherwise build and compile the same large patterns each
 * time (about 3 ms of CPU per client). Sharing them is safe: `whole` is only used by String.prototype.replace, which
 * starts a global pattern at 0 and leaves it at 0, and `beginning` holds no state. The cache keeps those credentials in
 * memory after their clients are gone, as the patterns of a live client would (at most 8 lists).
 */
const recentPatterns = new Map<string, Patterns>();
const RECENT_PATTERNS = 8;

function patternsOf(literal: readonly string[], inBase64Text: ReadonlySet<string>): Patterns {
  const key = JSON.stringify([literal, [...inBase64Text]]);
  const known = recentPatterns.get(key);
  if (known) return known;
  const long = literal.filter((secret) => secret.length > LONGEST_IN_A_PATTERN);
  // Only the shorter secrets get a pattern, so only they are spelled out as one (a long one's would be thrown away).
  const spelled = literal
    .filter((secret) => secret.length <= LONGEST_IN_A_PATTERN)
    .map((secret) => spelledSecret(secret, inBase64Text.has(secret)));
  const patterns: Patterns = {
    whole: spelled.length > 0 ? new RegExp(spelled.map((s) => s.whole).join("|"), "g") : undefined,
    longSpellings: long.length > 0 ? spellingsReplacer(long, REDACTED) : undefined,
    literal: new RegExp(literal.map(escapeRegExp).join("|"), "g"),
    escapes: literal.some((secret) => secret.includes(" ")) ? ESCAPE_CHARACTERS_OR_PLUS : ESCAPE_CHARACTERS,
    numbers: new Set(literal.filter((secret) => NUMERIC.test(secret)).map(Number)),
    beginning: beginningMatcher(literal),
    reach: Math.max(0, ...spelled.map((s) => s.reach), ...long.map(spellingReach)),
  };
  if (recentPatterns.size >= RECENT_PATTERNS) recentPatterns.delete(recentPatterns.keys().next().value!);
  recentPatterns.set(key, patterns);
  return patterns;
}

/**
 * The redactor of `secrets`, each matched in every spelling, and of `inBase64Text`, secrets written inside longer
 * base64 text (see base64Spellings), whose letters and digits are matched only as they are.
 */
export function createSecretsRedactor(secrets: Iterable<string>, inBase64Text: Iterable<string> = []): Redactor {
  const spelledInFull = new Set(secrets);
  const lettersAsIs = new Set([...inBase64Text].filter((secret) => !spelledInFull.has(secret)));
  const literal = [...spelledInFull, ...lettersAsIs]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    // Longest first, so `project:token` goes whole rather than leaving the project id next to a redacted token.
    .sort((a, b) => b.length - a.length);
  // With no secret long enough, nothing is redacted: an empty pattern would match between every two characters.
  const patterns = literal.length > 0 ? patternsOf(literal, lettersAsIs) : undefined;
  const reach = patterns?.reach ?? 0;

  function text(value: string): string {
    if (!patterns) return value;
    // Text with no escape character can hold a secret only as it is: a search of the literal secrets, much faster than
    // the pattern of every spelling, which is also compiled only once a text needs it.
    if (!patterns.escapes.test(value)) return value.replace(patterns.literal, REDACTED);
    const spelled = value.replace(patterns.whole ?? patterns.literal, REDACTED);
    return patterns.longSpellings ? patterns.longSpellings(spelled) : spelled;
  }

  function numberHoldsSecret(value: number): boolean {
    const written = String(value);
    return patterns?.numbers.has(value) === true || text(written) !== written;
  }

  function cut(value: string, maxLength: number): { text: string; cut: boolean } {
    // Any spelling that starts within maxLength characters ends within the window.
    const window = value.length > maxLength + reach ? value.slice(0, maxLength + reach) : value;
    const redacted = text(window);
    if (window === value && redacted.length <= maxLength) return { text: redacted, cut: false };
    let head = redacted.slice(0, maxLength);
    // Never half a character: a cut between the two halves of a surrogate pair would keep a lone high surrogate, which
    // no spelling of a secret begins with, so the beginning of a secret before it would stay.
    if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
    // A cut edge inside a spelling of a secret (or the window's edge) must not keep its beginning.
    const tailStart = Math.max(0, head.length - reach);
    const partial = patterns ? patterns.beginning(head.slice(tailStart)) : -1;
    if (partial >= 0) head = head.slice(0, tailStart + partial);
    return { text: head, cut: true };
  }

  return { text, cut, numberHoldsSecret };
}
