// Every way a server can spell a secret: each character literally, percent-encoded (either hex case), `+` for a space,
// or as a JSON escape (`\u0050` in either hex case, `\"`, `\/`…), in any mix. One pattern per secret, and one for
// the text a cut can leave at its edge: a beginning of such a spelling.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regular-expression atom for one character of a spelling: hex letters match in either case. */
type Atom = string;

const hexAtoms = (hex: string): Atom[] => [...hex].map((d) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d));

const JSON_SHORT: Record<string, string> = { '"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The spellings of one code point, each as a list of atoms. */
function spellingsOf(char: string): Atom[][] {
  const spellings: Atom[][] = [[escapeRegExp(char)]];
  const utf8 = [...Buffer.from(char, "utf8")];
  spellings.push(utf8.flatMap((byte) => ["%", ...hexAtoms(byte.toString(16).padStart(2, "0"))]));
  const units: Atom[] = [];
  for (let i = 0; i < char.length; i++) units.push("\\\\", "u", ...hexAtoms(char.charCodeAt(i).toString(16).padStart(4, "0")));
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
  /** Matches a non-empty beginning of a spelling that stops short of the whole secret. */
  beginning: string;
  /** The longest spelling's length: a window of text this long holds any spelling that starts in it. */
  reach: number;
}

export function spelledSecret(secret: string): SpelledSecret {
  const chars = [...secret].map(spellingsOf);
  const whole = chars.map((spellings) => group(spellings.map((atoms) => atoms.join("")))).join("");
  // Built from the last character backwards: a complete character followed, optionally, by a beginning of the rest.
  let beginning = "";
  for (let k = chars.length - 1; k >= 0; k--) {
    const spellings = chars[k]!;
    const partial = spellings.flatMap((atoms) => atoms.slice(1).map((_, n) => atoms.slice(0, n + 1).join("")));
    const complete = k < chars.length - 1 ? [`${group(spellings.map((atoms) => atoms.join("")))}${beginning ? `(?:${beginning})?` : ""}`] : [];
    beginning = group([...partial, ...complete].length > 0 ? [...partial, ...complete] : ["(?!)"]);
  }
  const reach = chars.reduce((sum, spellings) => sum + Math.max(...spellings.map((atoms) => atoms.length)), 0);
  return { whole, beginning, reach };
}
