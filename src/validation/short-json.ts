// A bounded rendering of an untrusted JSON value: never recurses, and never writes past its budget, whatever the
// value's depth or size. Strings are redacted before they are cut, so a cut never keeps the beginning of a secret; so
// are numbers.
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
  // An explicit stack of the containers open: any depth is safe, and the budget ends the rendering early.
  const open: { node: unknown[] | Record<string, unknown>; keys: string[] | undefined; next: number }[] = [];
  const render = (node: unknown): void => {
    if (node === null) emit("null");
    else if (typeof node === "string") emitString(node, "");
    else if (Array.isArray(node)) {
      emit("[");
      open.push({ node, keys: undefined, next: 0 });
    } else if (typeof node === "object") {
      emit("{");
      open.push({ node: node as Record<string, unknown>, keys: Object.keys(node), next: 0 });
    }
    // A number is a server's text too: a digits-only token echoed as a JSON number is quoted as the redaction.
    else emit(typeof node === "number" && redactor.numberHoldsSecret(node) ? REDACTED : String(node));
  };
  const renderAll = (): void => {
    render(value);
    while (open.length > 0) {
      const top = open.at(-1)!;
      const { node, keys } = top;
      if (top.next === (keys ?? (node as unknown[])).length) {
        emit(keys ? "}" : "]");
        open.pop();
        continue;
      }
      const index = top.next++;
      if (index > 0) emit(",");
      if (!keys) {
        render((node as unknown[])[index]);
        continue;
      }
      emitString(keys[index]!, ":");
      render((node as Record<string, unknown>)[keys[index]!]);
    }
  };
  try {
    renderAll();
    return out;
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error;
    return `${redactor.cut(out, maxLength - 1).text}…`;
  }
}
