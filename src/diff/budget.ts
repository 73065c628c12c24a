// The work one diff may do. A document is the other side's: one built to make the comparison hang (thousands of
// alternatives to pair) or overflow the stack (schemas nested thousands deep) stops with a DiffLimitError instead.
import { escapeTerminal as t } from "../report/escape-terminal.ts";

export interface DiffLimits {
  /** Schemas read plus schema pairs compared plus alternatives scored; far above any real API's description. */
  maxSteps: number;
  /** How deep schemas may nest (through `$ref`s, `properties`, `items`, `allOf`/`anyOf`/`oneOf`), and their values. */
  maxDepth: number;
}

export const DEFAULT_DIFF_LIMITS: Readonly<DiffLimits> = { maxSteps: 2_000_000, maxDepth: 200 };

/** The comparison stopped at a limit; `where` names the place (the side and a JSON pointer). Exit code 2. */
export class DiffLimitError extends Error {
  override name = "DiffLimitError";
  constructor(
    readonly limit: keyof DiffLimits,
    readonly value: number,
    readonly where: string,
  ) {
    const what =
      limit === "maxDepth"
        ? `it nests more than ${value} levels deep`
        : `the comparison needs more than ${value} steps`;
    super(
      `cannot compare the documents: ${what}, at ${t(shortPlace(where))}; the diff stops there rather than run out of time or stack`,
    );
  }
}

/** A place deep in a document has a long pointer; its start and its end say where it is. */
function shortPlace(where: string): string {
  return where.length <= 240 ? where : `${where.slice(0, 120)}…${where.slice(-100)}`;
}

/** Counts one diff's work against its limits. */
export class DiffBudget {
  private steps = 0;
  readonly limits: DiffLimits;

  constructor(limits: Partial<DiffLimits> = {}) {
    this.limits = { ...DEFAULT_DIFF_LIMITS, ...limits };
  }

  /** Spends `count` steps on the work at `where` (a function: the place is spelled out only when it is needed). */
  spend(where: () => string, count = 1): void {
    this.steps += count;
    if (this.steps > this.limits.maxSteps) throw new DiffLimitError("maxSteps", this.limits.maxSteps, where());
  }

  /** Checks that a JSON value (a `default`, `enum` or `const`) nests no deeper than the limit, without recursing. */
  checkValueDepth(value: unknown, where: () => string): void {
    const pending: Array<[unknown, number]> = [[value, 1]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const [item, depth] = next;
      if (typeof item !== "object" || item === null) continue;
      this.checkDepth(depth, where);
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
    }
  }

  /** Checks a nesting depth reached at `where`. */
  checkDepth(depth: number, where: () => string): void {
    if (depth > this.limits.maxDepth) throw new DiffLimitError("maxDepth", this.limits.maxDepth, where());
  }
}
