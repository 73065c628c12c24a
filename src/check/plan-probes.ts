// Plans the drift check's probes from the operation table: no operation is named here, so a new one in the spec is
// toured with no code change.
import { getByIdOperations, listOperations, parameterWith, type OperationId } from "../operations/operation-table.ts";
import type { Probe } from "./probe.ts";

export interface PlanOptions {
  /** Send the wrong-credentials probe. */
  authProbe: boolean;
}

/**
 * Every list operation → its pages (twice when it has an `x-includes-discarded` parameter: without and with the
 * discarded form); every get-by-id operation whose items are listed under the same path prefix → sampled ids, then a
 * random id expecting 404; one 401 probe on the first list operation, asking for its smallest page.
 */
export function planProbes({ authProbe }: PlanOptions): Probe[] {
  const lists = listOperations();
  const plan: Probe[] = [];
  for (const list of lists) {
    const discarded = parameterWith(list, "x-includes-discarded");
    const queries = discarded ? [{ [discarded.name]: false }, { [discarded.name]: true }] : [{}];
    for (const query of queries) plan.push({ kind: "page", operationId: list.operationId as OperationId, query });
  }
  for (const item of getByIdOperations()) {
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
