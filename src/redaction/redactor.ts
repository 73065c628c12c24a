// What every piece of code that quotes or cuts server text needs: a way to remove the credentials before it cuts.

/** Removes secrets from text; the one way server text is shortened, so a cut never keeps part of a secret. */
export interface Redactor {
  /** The text with every spelling of every secret replaced by `[REDACTED]`. */
  text(value: string): string;
  /**
   * At most `maxLength` characters of the redacted text: the whole text is redacted first, then cut, and a cut edge
   * that falls inside a spelling of a secret drops that part too. `cut` says whether anything was left out.
   */
  cut(value: string, maxLength: number): { text: string; cut: boolean };
  /**
   * Whether a number, as JSON writes it, spells a secret: a digits-only token a server echoed as a JSON number (or one
   * whose text holds it). Such a number is quoted as `[REDACTED]`, and an example writes another number in its place.
   */
  numberHoldsSecret(value: number): boolean;
}

/** The redactor of code that holds no credentials (the standalone validator): it only cuts. */
export const NO_SECRETS: Redactor = {
  text: (value) => value,
  cut: (value, maxLength) =>
    value.length > maxLength ? { text: value.slice(0, maxLength), cut: true } : { text: value, cut: false },
  numberHoldsSecret: () => false,
};
