// Every way a server can spell a secret: each character literally, percent-encoded (either hex case), `+` for a space,
// or as a JSON escape (`\u0050` in either hex case, `\"`, `\/`…), in any mix. One pattern per secret, and a matcher
// for the text a cut can leave at its edge: a beginning of such a spelling.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regular-expression atom for one character of a spelling: hex letters match in either case. */
type Atom = string;

const hexAtoms = (hex: string): Atom[] =>
  [...hex].map((d) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d));

const JSON_SHORT: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "/": "\\/",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** The spellings of characters seen before: a proxy spells thousands of secrets of the same few characters. */
const knownSpellings = new Map<string, Atom[][]>();
const KNOWN_SPELLINGS = 4096;

/** The spellings of one code point, each as a list of atoms (shared: never changed by a caller). */
function spellingsOf(char: string): Atom[][] {
  let spellings = knownSpellings.get(char);
  if (!spellings) {
    if (knownSpellings.size >= KNOWN_SPELLINGS) knownSpellings.clear();
    spellings = newSpellingsOf(char);
    knownSpellings.set(char, spellings);
  }
  return spellings;
}

function newSpellingsOf(char: string): Atom[][] {
  const spellings: Atom[][] = [[escapeRegExp(char)]];
  const utf8 = [...Buffer.from(char, "utf8")];
  spellings.push(utf8.flatMap((byte) => ["%", ...hexAtoms(byte.toString(16).padStart(2, "0"))]));
  const units: Atom[] = [];
  for (let i = 0; i < char.length; i++)
    units.push("\\\\", "u", ...hexAtoms(char.charCodeAt(i).toString(16).padStart(4, "0")));
  spellings.push(units);
  if (char === " ") spellings.push(["\\+"]);
  const short = JSON_SHORT[char];
  if (short) spellings.push([...short].map(escapeRegExp));
  return spellings;
}

const group = (alternatives: string[]) => `(?:${alternatives.join("|")})`;

export interface SpelledSecret {
  /** Matches any spelling of the whole secret. */
  whole: string;
  /** The longest spelling's length: a window of text this long holds any spelling that starts in it. */
  reach: number;
}

/** A letter or a digit: in base64 text, written as it is (`lettersAsIs`). */
const LETTER_OR_DIGIT = /^[A-Za-z0-9]$/;

/**
 * The patterns of one secret. With `lettersAsIs` (a secret's base64 inside longer base64 text), `whole` matches its
 * letters and digits only as they are, and every other character in any spelling (`%2B`, `\/`…): a pattern a quarter
 * the size, which V8 compiles that much faster. `reach` always allows every spelling.
 */
export function spelledSecret(secret: string, lettersAsIs = false): SpelledSecret {
  const chars = [...secret].map(spellingsOf);
  const whole = [...secret]
    .map((char, k) =>
      lettersAsIs && LETTER_OR_DIGIT.test(char) ? escapeRegExp(char) : group(chars[k]!.map((atoms) => atoms.join(""))),
    )
    .join("");
  return { whole, reach: spellingReach(secret) };
}

/** The length of the secret's longest spelling: a window of text this long holds any spelling that starts in it. */
export function spellingReach(secret: string): number {
  return [...secret].reduce((sum, char) => sum + Math.max(...spellingsOf(char).map((atoms) => atoms.length)), 0);
}

/**
 * A pattern matching a non-empty beginning of a spelling of `secret` that stops short of the whole secret. The cut
 * uses beginningMatcher, which finds the same without compiling anything; this pattern, nested as deep as the secret
 * is long (and built in time quadratic in that length), is its reference in the tests.
 */
export function beginningPattern(secret: string): string {
  const chars = [...secret].map(spellingsOf);
  // Built from the last character backwards: a complete character followed, optionally, by a beginning of the rest.
  let beginning = "";
  for (let k = chars.length - 1; k >= 0; k--) {
    const spellings = chars[k]!;
    const partial = spellings.flatMap((atoms) => atoms.slice(1).map((_, n) => atoms.slice(0, n + 1).join("")));
    // Every character has a partial spelling (`%`), so the group is never empty, nor the beginning after the last.
    const complete =
      k < chars.length - 1 ? [`${group(spellings.map((atoms) => atoms.join("")))}(?:${beginning})?`] : [];
    beginning = group([...partial, ...complete]);
  }
  return beginning;
}

/**
 * One spelling of one character as plain text; `fold`: its hex digits (a–f) match in either case; `whole`: it is one
 * atom, with no beginning of its own (the character as it is, even when it takes two UTF-16 units).
 */
export interface Spelling {
  text: string;
  fold: boolean;
  whole?: boolean;
}

/** The spellings of one code point as text, the same ones `spellingsOf` writes as patterns. */
export function plainSpellingsOf(char: string): Spelling[] {
  const spellings: Spelling[] = [{ text: char, fold: false, whole: true }];
  spellings.push({
    text: [...Buffer.from(char, "utf8")].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join(""),
    fold: true,
  });
  let units = "";
  for (let i = 0; i < char.length; i++) units += `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`;
  spellings.push({ text: units, fold: true });
  if (char === " ") spellings.push({ text: "+", fold: false });
  const short = JSON_SHORT[char];
  if (short) spellings.push({ text: short, fold: false });
  return spellings;
}

/** Whether `text` holds `spelling`'s first `length` characters at `at`. */
export function holds(text: string, at: number, spelling: Spelling, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const want = spelling.text[i]!;
    const got = text[at + i]!;
    if (got !== want && !(spelling.fold && want >= "a" && want <= "f" && got === want.toUpperCase())) return false;
  }
  return true;
}

/**
 * Finds where a non-empty beginning of a spelling of one of the secrets, stopping short of the whole secret, runs to
 * the end of the text: the index `text.search(new RegExp(`(?:${beginnings})$`))` gives for the `beginning` patterns of
 * `spelledSecret`, without compiling them (a pattern nested as deep as the secret is long: compiling the client's
 * took about 0.3 s of CPU, paid by every process at its first cut). -1 when there is none.
 */
export function beginningMatcher(secrets: readonly string[]): (text: string) => number {
  const spelled = secrets.map((secret) => [...secret].map(plainSpellingsOf));
  // A beginning starts with the first character of a spelling of a secret's first character (never a hex digit).
  const starts = new Set(
    spelled.flatMap((chars) => (chars.length > 0 ? chars[0]!.map((spelling) => spelling.text[0]!) : [])),
  );
  return (text) => {
    // The (secret, character, position) states already explored without reaching the end of the text: a run of
    // characters with more than one spelling (`\` is `\` or `\\`) can be split in exponentially many ways, each reaching
    // the same states.
    const dead = new Set<string>();
    /**
     * Whether text[at..] is a beginning of a spelling of secret s: a partial spelling of a character, or all of it
     * and a beginning of the rest or nothing. Depth first with a stack of its own: a secret of thousands of characters
     * (a long bearer token) would go as deep.
     */
    const beginsAt = (start: number, s: number): boolean => {
      const chars = spelled[s]!;
      const stack = [start, 0];
      while (stack.length > 0) {
        const k = stack.pop()!;
        const at = stack.pop()!;
        const state = `${s} ${k} ${at}`;
        if (dead.has(state)) continue;
        dead.add(state);
        const left = text.length - at;
        for (const spelling of chars[k]!) {
          const length = spelling.text.length;
          if (left < length) {
            if (!spelling.whole && holds(text, at, spelling, left)) return true;
          } else if (k < chars.length - 1 && holds(text, at, spelling, length)) {
            if (left === length) return true;
            stack.push(at + length, k + 1);
          }
        }
      }
      return false;
    };
    for (let at = 0; at < text.length; at++) {
      if (!starts.has(text[at]!)) continue;
      for (let s = 0; s < spelled.length; s++) if (spelled[s]!.length > 0 && beginsAt(at, s)) return at;
    }
    return -1;
  };
}

/**
 * Replaces every spelling of each of the secrets with `replacement`, leftmost first: what the `whole` patterns do, for
 * secrets too long for a pattern (V8 refuses one for a 20,000-character token: each character becomes a group of its
 * spellings). The walk keeps its own stack, and the states that led nowhere, so a text is read about once.
 */
export function spellingsReplacer(secrets: readonly string[], replacement: string): (text: string) => string {
  const spelled = secrets.map((secret) => [...secret].map(plainSpellingsOf));
  const starts = new Set(spelled.flatMap((chars) => chars[0]!.map((spelling) => spelling.text[0]!)));
  return (text) => {
    const dead = new Set<string>();
    /** Where a spelling of secret s that starts at `start` ends, or -1. */
    const endOf = (start: number, s: number): number => {
      const chars = spelled[s]!;
      const stack = [start, 0];
      while (stack.length > 0) {
        const k = stack.pop()!;
        const at = stack.pop()!;
        if (k === chars.length) return at;
        const state = `${s} ${k} ${at}`;
        if (dead.has(state)) continue;
        dead.add(state);
        // Pushed last to first, so the first spelling is tried first, as a pattern's first alternative is.
        for (const spelling of chars[k]!.toReversed())
          if (text.length - at >= spelling.text.length && holds(text, at, spelling, spelling.text.length))
            stack.push(at + spelling.text.length, k + 1);
      }
      return -1;
    };
    let out = "";
    let copied = 0;
    for (let at = 0; at < text.length; at++) {
      if (!starts.has(text[at]!)) continue;
      for (let s = 0; s < spelled.length; s++) {
        const end = endOf(at, s);
        if (end < 0) continue;
        out += text.slice(copied, at) + replacement;
        copied = end;
        at = end - 1;
        break;
      }
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}
