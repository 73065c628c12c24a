// The secrets as a radix trie, walked along a text read in every way a spelling can write a character (as it is, `%41`,
// `\u0041`, `\"`, `+` for a space): which secrets a text holds, and where a beginning of one runs to its end, in time
// that does not grow with the number of secrets. The growing redactor (growing-secrets-redactor.ts) uses it to choose
// the few secrets whose patterns a text needs.
import { holds, plainSpellingsOf } from "./spelled-secret.ts";

/** A node of the trie: the code units on the edge into it, and the secret that ends here, if any. */
class TrieNode<T> {
  label: string;
  value: T | undefined;
  children: Map<number, TrieNode<T>> | undefined;

  constructor(label: string, value?: T) {
    this.label = label;
    this.value = value;
  }
}

/** A place in the trie: a node and how many units of its label were read. */
type Place<T> = { node: TrieNode<T>; read: number };

/** The places a walk has been (at a point of the text), so a text read many ways walks each once. */
type Seen<T> = { walked: Set<string>; ids: Map<TrieNode<T>, number> };

/** What a JSON escape of two characters (`\n`, `\"`…) stands for, by its second character. */
const JSON_SHORT: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

const HEX4 = /^[0-9a-fA-F]{4}$/;

/** The bytes of `%XX%XX…` at `at` that one UTF-8 character takes, decoded, with where they end; undefined otherwise. */
function percentCharacter(text: string, at: number): [string, number] | undefined {
  const bytes: number[] = [];
  let end = at;
  for (let want = 1; bytes.length < want; end += 3) {
    const hex = text.slice(end + 1, end + 3);
    if (text[end] !== "%" || !/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
    bytes.push(Number.parseInt(hex, 16));
    // The first byte tells how many the character takes.
    want = bytes[0]! < 0x80 ? 1 : bytes[0]! < 0xe0 ? 2 : bytes[0]! < 0xf0 ? 3 : 4;
  }
  return [Buffer.from(bytes).toString("utf8"), end];
}

/**
 * Every reading of one character's spelling at `at`: the code units it stands for, and where it ends. A superset of
 * the spellings (a text read here in more ways than a spelling allows only makes more secrets candidates). A reading
 * ends at the text's end at the latest: an escape cut short is no reading.
 */
function readingsAt(text: string, at: number): [string, number][] {
  const readings: [string, number][] = [[text[at]!, at + 1]];
  const char = text[at];
  if (char === "+") readings.push([" ", at + 1]);
  else if (char === "%") {
    const decoded = percentCharacter(text, at);
    if (decoded) readings.push(decoded);
  } else if (char === "\\") {
    // "" past the text's end, which no escape is.
    const next = text.charAt(at + 1);
    if (next === "u" && HEX4.test(text.slice(at + 2, at + 6)))
      readings.push([String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16)), at + 6]);
    else if (JSON_SHORT[next] !== undefined) readings.push([JSON_SHORT[next]!, at + 2]);
  }
  return readings;
}

/** Texts with none of these have one reading: each character as it is. */
const READ_MORE_WAYS = /[%\\+]/;

export class SecretTrie<T> {
  readonly #root = new TrieNode<T>("");
  #nodes = 1;

  /** How many nodes the trie has: at most two per secret. */
  get nodes(): number {
    return this.#nodes;
  }

  /** Adds `secret` with `value`; a secret already there keeps its value. */
  add(secret: string, value: T): void {
    let node = this.#root;
    let at = 0;
    while (at < secret.length) {
      node.children ??= new Map();
      const child = node.children.get(secret.charCodeAt(at));
      if (!child) {
        node.children.set(secret.charCodeAt(at), new TrieNode(secret.slice(at), value));
        this.#nodes++;
        return;
      }
      let same = 1;
      while (same < child.label.length && child.label[same] === secret[at + same]) same++;
      node = same < child.label.length ? this.#split(node, child, same) : child;
      at += same;
    }
    node.value ??= value;
  }

  /** Puts a node for the first `length` units of `child`'s label between it and its parent. */
  #split(parent: TrieNode<T>, child: TrieNode<T>, length: number): TrieNode<T> {
    const middle = new TrieNode<T>(child.label.slice(0, length));
    child.label = child.label.slice(length);
    middle.children = new Map([[child.label.charCodeAt(0), child]]);
    parent.children!.set(middle.label.charCodeAt(0), middle);
    this.#nodes++;
    return middle;
  }

  /** The place after reading `units` from `place`, or undefined when no secret goes on so. */
  #step({ node, read }: Place<T>, units: string): Place<T> | undefined {
    for (let k = 0; k < units.length; k++) {
      const unit = units.charCodeAt(k);
      if (read < node.label.length) {
        if (node.label.charCodeAt(read) !== unit) return undefined;
        read++;
      } else {
        const child = node.children?.get(unit);
        if (!child) return undefined;
        node = child;
        read = 1;
      }
    }
    return { node, read };
  }

  /**
   * The values of the secrets that may be spelled somewhere in `text`: every one that is, and perhaps a few more
   * (see readingsAt). Each start is walked along the trie; in a text read more than one way, the places already
   * walked from are not walked again.
   */
  valuesIn(text: string): Set<T> {
    const found = new Set<T>();
    const root: Place<T> = { node: this.#root, read: 0 };
    if (!READ_MORE_WAYS.test(text)) {
      for (let start = 0; start < text.length; start++) {
        let place: Place<T> | undefined = root;
        for (let at = start; place && at < text.length; at++) {
          place = this.#step(place, text[at]!);
          if (place && place.read === place.node.label.length && place.node.value !== undefined)
            found.add(place.node.value);
        }
      }
      return found;
    }
    const seen: Seen<T> = { walked: new Set(), ids: new Map() };
    for (let start = 0; start < text.length; start++) {
      const stack: [number, Place<T>][] = [[start, root]];
      while (stack.length > 0) {
        const [at, place] = stack.pop()!;
        if (place.read === place.node.label.length && place.node.value !== undefined) found.add(place.node.value);
        if (at >= text.length) continue;
        this.#readOn(text, at, place, seen, stack);
      }
    }
    return found;
  }

  /** The characters (one or two code units) a secret may go on with after `place`. */
  #nextCharacters(place: Place<T>): string[] {
    const units = (p: Place<T>): string[] =>
      p.read < p.node.label.length
        ? [p.node.label[p.read]!]
        : [...(p.node.children?.keys() ?? [])].map((code) => String.fromCharCode(code));
    return units(place).flatMap((first) => {
      const code = first.charCodeAt(0);
      if (code < 0xd800 || code > 0xdbff) return [first];
      const after = this.#step(place, first)!;
      const seconds = units(after);
      return seconds.length > 0 ? seconds.map((second) => first + second) : [first];
    });
  }

  /** Whether `text[at..]` is a nonempty part, short of the whole, of a spelling of a character that may follow `place`. */
  #partialAt(text: string, at: number, place: Place<T>): boolean {
    if (text[at] !== "%" && text[at] !== "\\") return false;
    const left = text.length - at;
    return this.#nextCharacters(place).some((char) =>
      plainSpellingsOf(char).some(
        (spelling) => !spelling.whole && spelling.text.length > left && holds(text, at, spelling, left),
      ),
    );
  }

  /**
   * Where a nonempty beginning of a spelling of a secret, stopping short of the whole secret, runs to the end of
   * `text`, or -1: what beginningMatcher answers, found along the trie instead of secret by secret.
   */
  beginningAt(text: string): number {
    const root: Place<T> = { node: this.#root, read: 0 };
    const seen: Seen<T> = { walked: new Set(), ids: new Map() };
    for (let start = 0; start < text.length; start++) {
      const stack: [number, Place<T>][] = [[start, root]];
      while (stack.length > 0) {
        const [at, place] = stack.pop()!;
        if (at === text.length) {
          if (place.read < place.node.label.length || (place.node.children?.size ?? 0) > 0) return start;
          continue;
        }
        if (this.#partialAt(text, at, place)) return start;
        this.#readOn(text, at, place, seen, stack);
      }
    }
    return -1;
  }

  /** Pushes each place the character at `at` leads to from `place`, in every reading, unless walked already. */
  #readOn(text: string, at: number, place: Place<T>, { walked, ids }: Seen<T>, stack: [number, Place<T>][]): void {
    for (const [units, end] of readingsAt(text, at)) {
      const next = this.#step(place, units);
      if (!next) continue;
      if (!ids.has(next.node)) ids.set(next.node, ids.size);
      const key = `${end} ${ids.get(next.node)} ${next.read}`;
      if (walked.has(key)) continue;
      walked.add(key);
      stack.push([end, next]);
    }
  }
}
