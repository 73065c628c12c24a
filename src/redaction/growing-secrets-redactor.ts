// A redactor that secrets can be added to one at a time, as a proxy collects its clients' credentials: adding one
// costs the same however many are known, and a text is redacted with the patterns of only the secrets it may hold (a
// walk of the secret trie chooses them), so it removes what createSecretsRedactor of every secret would remove.
import type { Redactor } from "./redactor.ts";
import { SecretTrie } from "./secret-trie.ts";
import { createSecretsRedactor, MIN_SECRET_LENGTH } from "./secrets-redactor.ts";
import { beginningMatcher, spellingReach } from "./spelled-secret.ts";

/** One secret: in which list it came first (createSecretsRedactor's order among secrets of one length). */
interface Known {
  secret: string;
  /** Its place among the secrets spelled in full; undefined for one only inside base64 text. */
  inFull: number | undefined;
  inBase64: number;
}

/** A digits-only secret JSON could write as a number (as in secrets-redactor.ts). */
const NUMERIC = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A lone surrogate: a secret holding one is spelled with U+FFFD's bytes, which the trie does not read back. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The redactors of the last sets of secrets texts held (a proxy's exchanges repeat the same credentials). */
const RECENT_REDACTORS = 64;

export class GrowingSecretsRedactor implements Redactor {
  readonly #trie = new SecretTrie<Known>();
  readonly #known = new Map<string, Known>();
  /** Secrets with a lone surrogate: always among a text's candidates. */
  readonly #always: Known[] = [];
  readonly #numbers = new Set<number>();
  readonly #recent = new Map<string, Redactor>();
  #inFull = 0;
  #inBase64 = 0;
  #reach = 0;
  /** How many secrets were spelled out into patterns so far, for all texts: it grows with the texts, not with n². */
  spelled = 0;

  /** How many secrets are known (those shorter than MIN_SECRET_LENGTH are dropped, as createSecretsRedactor drops them). */
  get size(): number {
    return this.#known.size;
  }

  /** Adds secrets matched in every spelling, and secrets inside longer base64 text (see createSecretsRedactor). */
  add(secrets: Iterable<string>, inBase64Text: Iterable<string> = []): void {
    for (const secret of secrets) this.#add(secret, true);
    for (const secret of inBase64Text) this.#add(secret, false);
  }

  #add(secret: string, inFull: boolean): void {
    if (secret.length < MIN_SECRET_LENGTH) return;
    const known = this.#known.get(secret);
    if (known) {
      if (inFull && known.inFull === undefined) known.inFull = this.#inFull++;
      return;
    }
    const added: Known = { secret, inFull: inFull ? this.#inFull++ : undefined, inBase64: this.#inBase64++ };
    this.#known.set(secret, added);
    if (LONE_SURROGATE.test(secret)) this.#always.push(added);
    else this.#trie.add(secret, added);
    if (NUMERIC.test(secret)) this.#numbers.add(Number(secret));
    this.#reach = Math.max(this.#reach, spellingReach(secret));
  }

  /** The redactor of the secrets `value` may hold, in the order createSecretsRedactor of all of them would try them. */
  #redactorFor(value: string): Redactor | undefined {
    const candidates = [...this.#trie.valuesIn(value), ...this.#always];
    if (candidates.length === 0) return undefined;
    const inFull = candidates.filter((c) => c.inFull !== undefined).sort((a, b) => a.inFull! - b.inFull!);
    const inBase64 = candidates.filter((c) => c.inFull === undefined).sort((a, b) => a.inBase64 - b.inBase64);
    const key = JSON.stringify([inFull.map((c) => c.secret), inBase64.map((c) => c.secret)]);
    let redactor = this.#recent.get(key);
    if (!redactor) {
      redactor = createSecretsRedactor(
        inFull.map((c) => c.secret),
        inBase64.map((c) => c.secret),
      );
      this.spelled += candidates.length;
      if (this.#recent.size >= RECENT_REDACTORS) this.#recent.delete(this.#recent.keys().next().value!);
    } else this.#recent.delete(key);
    this.#recent.set(key, redactor);
    return redactor;
  }

  text(value: string): string {
    // Before any credential is collected (traffic without any) there is nothing to look for.
    if (this.#known.size === 0) return value;
    return this.#redactorFor(value)?.text(value) ?? value;
  }

  numberHoldsSecret(value: number): boolean {
    const written = String(value);
    return this.#numbers.has(value) || this.text(written) !== written;
  }

  /** As createSecretsRedactor's cut, with the reach of every secret known and the trie's beginnings. */
  cut(value: string, maxLength: number): { text: string; cut: boolean } {
    const window = value.length > maxLength + this.#reach ? value.slice(0, maxLength + this.#reach) : value;
    const redacted = this.text(window);
    if (window === value && redacted.length <= maxLength) return { text: redacted, cut: false };
    let head = redacted.slice(0, maxLength);
    if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
    const tailStart = Math.max(0, head.length - this.#reach);
    const tail = head.slice(tailStart);
    const partial = this.#always.length > 0 ? this.#withAlways(tail) : this.#trie.beginningAt(tail);
    if (partial >= 0) head = head.slice(0, tailStart + partial);
    return { text: head, cut: true };
  }

  /** The leftmost beginning in `tail` of a secret in the trie or of one with a lone surrogate. */
  #withAlways(tail: string): number {
    const starts = [this.#trie.beginningAt(tail), beginningMatcher(this.#always.map((c) => c.secret))(tail)];
    const found = starts.filter((start) => start >= 0);
    return found.length > 0 ? Math.min(...found) : -1;
  }
}
