// The coverage of a run: fed every judged response (its operation, status, URL and parsed body) by the report builder,
// whichever runner sent or read it, it tells what the spec declares and which of it the responses showed.
import type { ParsedExchangeBody } from "../../client/exchange.ts";
import type { Coverage, CoverageItems, OperationCoverage } from "../../report/report-types.ts";
import { type CoveragePlan, defaultCoveragePlan, type OperationPlan } from "./coverage-plan.ts";
import type { DeclaredGroup } from "./schema-nodes.ts";
import { walkBody } from "./walk-body.ts";

interface OperationSeen {
  plan: OperationPlan;
  seen: Uint8Array;
  /** Items not seen yet: at 0, nothing more can be learnt from the operation's responses. */
  remaining: number;
}

export class CoverageCollector {
  readonly #operations = new Map<string, OperationSeen>();

  constructor(plan: CoveragePlan = defaultCoveragePlan()) {
    for (const [operationId, operation] of plan)
      this.#operations.set(operationId, {
        plan: operation,
        seen: new Uint8Array(operation.size),
        remaining: operation.size,
      });
  }

  /** One judged response: its status, the parameters in its URL and, with a JSON body, what the body shows. */
  observe(operationId: string, status: number, url: string, parsed?: ParsedExchangeBody): void {
    const operation = this.#operations.get(operationId);
    if (!operation || operation.remaining === 0) return;
    const { plan, seen } = operation;
    let fresh = 0;
    const mark = (item: number) => {
      if (item >= 0 && seen[item] === 0) {
        seen[item] = 1;
        fresh++;
      }
    };
    const declared = declaredStatus(plan.statuses, status);
    mark(declared === undefined ? -1 : plan.statuses.indexOf(declared));
    const first = plan.statuses.length;
    for (let index = 0; index < plan.pathParameters; index++) mark(first + index);
    for (const name of queryNames(url)) {
      const index = plan.parameters.indexOf(name, plan.pathParameters);
      if (index >= 0) mark(first + index);
    }
    const root = declared === undefined ? undefined : plan.bodies.get(declared);
    if (root && parsed?.ok) fresh += walkBody(parsed.body, root, seen);
    operation.remaining -= fresh;
  }

  /** What was declared and seen, per operation in document order; `minimum` is carried as given. */
  coverage(minimum?: number): Coverage {
    let declared = 0;
    let seen = 0;
    const operations: Record<string, OperationCoverage> = {};
    for (const [operationId, operation] of this.#operations) {
      operations[operationId] = operationCoverage(operation);
      declared += operation.plan.size;
      seen += operation.plan.size - operation.remaining;
    }
    const percent = declared === 0 ? 100 : Math.floor((seen * 1000) / declared) / 10;
    return { percent, declared, seen, ...(minimum === undefined ? {} : { minimum }), operations };
  }
}

/** The declared status a received one answers to: itself, else its range (`4XX`), else `default`. */
function declaredStatus(statuses: readonly string[], status: number): string | undefined {
  const exact = String(status);
  if (statuses.includes(exact)) return exact;
  const range = statuses.find((declared) => declared.toUpperCase() === `${exact[0]}XX`);
  return range ?? (statuses.includes("default") ? "default" : undefined);
}

/** The names in a URL's query (a URL that does not parse is read as far as its `?`). */
function queryNames(url: string): string[] {
  const start = url.indexOf("?");
  if (start < 0) return [];
  const end = url.indexOf("#", start);
  return [...new URLSearchParams(url.slice(start + 1, end < 0 ? undefined : end)).keys()];
}

function operationCoverage({ plan, seen }: OperationSeen): OperationCoverage {
  const items = <T>(values: readonly T[], first: number): CoverageItems<T> => ({
    declared: [...values],
    seen: values.filter((_, index) => seen[first + index] === 1),
  });
  const byPointer = <T>(groups: readonly DeclaredGroup<T>[]) =>
    Object.fromEntries(groups.map((group) => [group.pointer, items(group.values, group.first)]));
  return {
    statuses: items(plan.statuses, 0),
    parameters: items(plan.parameters, plan.statuses.length),
    enums: byPointer(plan.enums),
    unions: byPointer(plan.unions),
    properties: byPointer(plan.properties),
  };
}
