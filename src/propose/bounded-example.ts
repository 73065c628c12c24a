// An observed body as a response example for the spec, bounded: at most 20 items of each array, 10 levels deep and
// 16,384 characters of JSON, whatever the server sent (a 400,000-item array made an 11.5 MB proposal). Secrets are
// withheld by property name, credentials redacted, strings cut; what else was cut is said in one line, the
// proposal's `x-example-cut`. Never copies or recurses past its bounds.

import { escapeToken } from "../openapi/json-pointer.ts";
import { defineOwn } from "../redaction/map-strings.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { suggestsSecret } from "../redaction/secret-name.ts";
import { placeholderFor } from "./example-value.ts";
import { refKeyPointer } from "./ref-key.ts";
import { defuseRef } from "./unappliable-text.ts";

/** The bounds of every example a proposal writes. The schema of an undeclared status is inferred as deep. */
export const EXAMPLE_BOUNDS = { items: 20, depth: 10, characters: 16 * 1024 } as const;

/** The forms tried in turn until one is within the size bound; past the last, the example is left out. */
const FORMS = [
  { items: EXAMPLE_BOUNDS.items, stringLength: 200 },
  { items: 5, stringLength: 200 },
  { items: 1, stringLength: 64 },
  { items: 0, stringLength: 64 },
] as const;
type Form = (typeof FORMS)[number];

/** The longest pointer a note quotes. */
const POINTER_LENGTH = 200;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export interface BoundedExample {
  /** The example, or undefined when even its smallest form is over the size bound. */
  value?: unknown;
  /** Its JSON, at most EXAMPLE_BOUNDS.characters long; undefined when the example is left out. */
  json?: string;
  /** What was cut, as one line; undefined when only strings were cut (which the example's summary says). */
  cut?: string;
}

class OverSize extends Error {}

/** One try at one form: a bounded copy, counting the characters of its JSON and what it cut. */
class ExampleCopy {
  private characters = 0;
  private readonly path: string[] = [];
  private arrays = 0;
  private longest: { length: number; pointer: string } | undefined;
  private deep = 0;
  private firstDeep: string | undefined;

  constructor(
    private readonly redactor: Redactor,
    private readonly form: Form,
  ) {}

  copy(value: unknown, secret: boolean, depth: number): unknown {
    if (secret) return this.leaf(placeholderFor(value));
    if (typeof value === "string") return this.leaf(defuseRef(this.redactor.cut(value, this.form.stringLength).text));
    // A number that spells a credential (a digits-only token echoed as a number) becomes 0, of the same JSON type.
    if (typeof value === "number") return this.leaf(this.redactor.numberHoldsSecret(value) ? 0 : value);
    if (value === null || typeof value !== "object") return this.leaf(value);
    if (depth >= EXAMPLE_BOUNDS.depth) {
      if (this.deep++ === 0) this.firstDeep = this.pointer();
      return this.leaf(Array.isArray(value) ? [] : {});
    }
    this.spend(2);
    return Array.isArray(value) ? this.copyArray(value, depth) : this.copyObject(value as object, depth);
  }

  private copyArray(value: unknown[], depth: number): unknown[] {
    if (value.length > this.form.items) {
      this.arrays++;
      if (!this.longest || value.length > this.longest.length)
        this.longest = { length: value.length, pointer: this.pointer() };
    }
    const copy: unknown[] = [];
    for (let i = 0; i < Math.min(value.length, this.form.items); i++) {
      if (i > 0) this.spend(1);
      this.path.push(String(i));
      copy.push(this.copy(value[i], false, depth + 1));
      this.path.pop();
    }
    return copy;
  }

  private copyObject(value: object, depth: number): object {
    const copy = {};
    let first = true;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      this.spend(JSON.stringify(key).length + (first ? 1 : 2));
      first = false;
      this.path.push(key);
      defineOwn(copy, key, this.copy((value as Record<string, unknown>)[key], suggestsSecret(key), depth + 1));
      this.path.pop();
    }
    return copy;
  }

  private leaf<T>(value: T): T {
    this.spend(JSON.stringify(value).length);
    return value;
  }

  private spend(characters: number): void {
    this.characters += characters;
    if (this.characters > EXAMPLE_BOUNDS.characters) throw new OverSize();
  }

  /** Where the copy is, as a JSON pointer quoted safely: redacted, cut, `$ref:` defused; `the top` for the body. */
  private pointer(): string {
    if (this.path.length === 0) return "the top";
    const pointer = this.path.map((token) => `/${escapeToken(token)}`).join("");
    return defuseRef(this.redactor.cut(pointer, POINTER_LENGTH).text);
  }

  /** What this copy cut, as the parts of one line. */
  cuts(): string[] {
    const parts: string[] = [];
    const { items } = this.form;
    if (this.arrays === 1)
      parts.push(`array of ${this.longest!.length} items cut to ${items}, at ${this.longest!.pointer}`);
    if (this.arrays > 1)
      parts.push(
        `${this.arrays} arrays cut to ${plural(items, "item")}, the longest (${this.longest!.length} items) at ${this.longest!.pointer}`,
      );
    if (this.deep > 0)
      parts.push(
        `${plural(this.deep, "value")} deeper than ${EXAMPLE_BOUNDS.depth} levels written as {} or [], the first at ${this.firstDeep}`,
      );
    return parts;
  }
}

/** The example of an observed body within EXAMPLE_BOUNDS, trying smaller forms when it is over the size bound. */
export function boundedExample(body: unknown, redactor: Redactor): BoundedExample {
  for (const [index, form] of FORMS.entries()) {
    const copy = new ExampleCopy(redactor, form);
    let value: unknown;
    try {
      value = copy.copy(body, false, 0);
    } catch (error) {
      if (error instanceof OverSize) continue;
      throw error;
    }
    const ref = refKeyPointer(value);
    if (ref !== undefined) {
      const where = ref.length > POINTER_LENGTH ? `${ref.slice(0, POINTER_LENGTH)}…` : ref;
      return {
        cut: `example left out: it holds a \`$ref\` key (at ${defuseRef(where)}), which tools reading the spec would follow`,
      };
    }
    const parts = copy.cuts();
    if (index > 0)
      parts.push(
        `arrays cut to ${plural(form.items, "item")} and strings to ${form.stringLength} characters to stay within ${EXAMPLE_BOUNDS.characters} characters of JSON`,
      );
    return { value, json: JSON.stringify(value), ...(parts.length > 0 ? { cut: parts.join("; ") } : {}) };
  }
  const smallest = FORMS.at(-1)!;
  return {
    cut: `example left out: over ${EXAMPLE_BOUNDS.characters} characters of JSON even with arrays cut to ${plural(smallest.items, "item")} and strings to ${smallest.stringLength} characters`,
  };
}
