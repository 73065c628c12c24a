// Plans the drift check's probes from the operation table: no operation is named here, so a new one in the spec is
// toured with no code change.
import { allOperations, parametersIn, parameterWith, type Operation, type OperationId } from "../operations/operation-table.ts";
import type { Probe } from "./probe.ts";

export interface PlanOptions {
  /** Send the wrong-credentials probe. */
  authProbe: boolean;
  /** The operations to plan from. Default: the spec's operation table. */
  operations?: readonly Operation[];
}

/**
 * Every list operation → its pages (twice when it has an `x-includes-discarded` parameter: without and with the
 * discarded form); every get-by-id operation whose items are listed under the same path prefix → sampled ids, then a
 * random id expecting 404; one 401 probe on the first list operation, asking for its smallest page.
 */
export function planProbes({ authProbe, operations = allOperations }: PlanOptions): Probe[] {
  // A listing nested under a path parameter (`/rooms/{id}/sessions`) needs a value the tour does not have yet: not planned.
  const lists = operations.filter((operation) => operation.list && parametersIn(operation, "path").length === 0);
  const plan: Probe[] = [];
  for (const list of lists) {
    const discarded = parameterWith(list, "x-includes-discarded");
    const queries = discarded ? [{ [discarded.name]: false }, { [discarded.name]: true }] : [{}];
    for (const query of queries) plan.push({ kind: "page", operationId: list.operationId as OperationId, query });
  }
  for (const item of operations.filter((get) => lists.some((list) => list.operationId === get.getById?.list))) {
    const { list, idParameter } = item.getById!;
    const operationId = item.operationId as OperationId;
    plan.push({ kind: "sampled-item", operationId, listOperationId: list as OperationId, idParameter });
    plan.push({ kind: "unknown-item", operationId, idParameter });
  }
  const first = lists[0];
  if (authProbe && first) {
    const pageSize = parameterWith(first, "x-page-size");
    const smallest = (pageSize?.schema as { minimum?: unknown } | undefined)?.minimum;
    const query = pageSize ? { [pageSize.name]: typeof smallest === "number" ? smallest : 1 } : {};
    plan.push({ kind: "wrong-credentials", operationId: first.operationId as OperationId, query });
  }
  return plan;
}
