// A bounded rendering of an untrusted JSON value: never recurses or copies past its budget, whatever the value's depth
// or size. Strings are redacted before they are cut, so a cut never keeps the beginning of a secret; so are numbers.
import type { Redactor } from "../redaction/redactor.ts";
import { REDACTED } from "../redaction/secrets-redactor.ts";

const DEFAULT_MAX_LENGTH = 60;

class BudgetSpent extends Error {}

/** A short, single-line rendering of a JSON value for a report; numbers beyond double range read as JavaScript does. */
export function shortJson(value: unknown, redactor: Redactor, maxLength = DEFAULT_MAX_LENGTH): string {
  if (value === undefined) return "(absent)";
  let out = "";
  const emit = (text: string): void => {
    out += text;
    if (out.length > maxLength) throw new BudgetSpent();
  };
  // A string longer than the budget is shown cut, without its closing quote, and ends the rendering.
  const emitString = (text: string, after: string): void => {
    const shown = redactor.cut(text, maxLength + 1);
    const quoted = JSON.stringify(shown.text);
    if (shown.cut) {
      emit(quoted.slice(0, -1));
      throw new BudgetSpent();
    }
    emit(quoted + after);
  };
  // Every level writes at least one character before descending, so the budget also bounds the recursion depth.
  const render = (node: unknown): void => {
    if (node === null) {
      emit("null");
      return;
    }
    if (typeof node === "string") {
      emitString(node, "");
      return;
    }
    if (Array.isArray(node)) {
      emit("[");
      for (let i = 0; i < node.length; i++) {
        if (i > 0) emit(",");
        render(node[i]);
      }
      emit("]");
      return;
    }
    if (typeof node === "object") {
      emit("{");
      let first = true;
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        if (!first) emit(",");
        emitString(key, ":");
        first = false;
        render((node as Record<string, unknown>)[key]);
      }
      emit("}");
      return;
    }
    // A number is a server's text too: a digits-only token echoed as a JSON number is quoted as the redaction.
    emit(typeof node === "number" && redactor.numberHoldsSecret(node) ? REDACTED : String(node));
  };
  try {
    render(value);
    return out;
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error;
    return `${redactor.cut(out, maxLength - 1).text}…`;
  }
}
