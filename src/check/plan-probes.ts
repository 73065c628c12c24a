// Plans the drift check's probes from the operation table: no operation is named here, so a new one in the spec is
// toured with no code change. The meaning of parameters comes from the spec's x- extensions.

import type { CheckName } from "../findings/checks.ts";
import {
  allOperations,
  type Operation,
  type OperationId,
  parametersIn,
  parameterWith,
} from "../operations/operation-table.ts";
import { invalidValues } from "./invalid-values.ts";
import { filterMeaning } from "./listing-filters.ts";
import type { Probe } from "./probe.ts";

/** A query parameter no spec is likely to declare: the unknown-parameter probe's. */
export const UNKNOWN_PARAMETER = "video_logs_check_unknown";

/** The page size the tour asks for: small, so that at least two pages are read when the data allows. */
export const TOUR_PAGE_SIZE = 5;

export interface PlanOptions {
  /** Send the wrong-credentials probe. */
  authProbe: boolean;
  /** Send the no-credentials probe. Default: as `authProbe`. */
  noCredentialsProbe?: boolean;
  /** The operations to plan from. Default: the spec's operation table. */
  operations?: readonly Operation[];
  /** The `created_before`-style pin (an instant) every listing is read under; omit for none. */
  pin?: string;
}

/** The listing's page-size parameter set to the tour's page size, within its schema's bounds. */
export function tourPageSize(operation: Operation): Record<string, number> {
  const parameter = parameterWith(operation, "x-page-size");
  if (!parameter) return {};
  const { minimum, maximum } = (parameter.schema ?? {}) as { minimum?: unknown; maximum?: unknown };
  let size = TOUR_PAGE_SIZE;
  if (typeof maximum === "number") size = Math.min(size, maximum);
  if (typeof minimum === "number") size = Math.max(size, minimum);
  return { [parameter.name]: size };
}

/** The parameter that pins a listing at the tour's start: the first `x-filter` comparing `before`. */
export function pinParameter(operation: Operation): string | undefined {
  return operation.parameters.find(
    (parameter) => parameter.in === "query" && filterMeaning(parameter.extensions)?.compare === "before",
  )?.name;
}

/** The checks every response goes through. */
export const CONFORMANCE_CHECKS: readonly CheckName[] = [
  "response-schema",
  "status-code",
  "content-type",
  "not-a-server-error",
];

/**
 * Every list operation → its pages (twice when it has an `x-includes-discarded` parameter: without and with the
 * discarded form), each pinned and with a small page size; then one filtered listing per `x-filter` parameter; every
 * get-by-id operation whose items are listed under the same path prefix → sampled ids, a random id expecting 404 and
 * a malformed id; every query parameter's invalid values and one unknown parameter; no and wrong credentials on the
 * first list operation.
 */
export function planProbes({
  authProbe,
  noCredentialsProbe = authProbe,
  operations = allOperations(),
  pin,
}: PlanOptions): Probe[] {
  // A listing nested under a path parameter (`/rooms/{id}/sessions`) needs a value the tour does not have yet: not planned.
  const lists = operations.filter((operation) => operation.list && parametersIn(operation, "path").length === 0);
  const plan: Probe[] = [];
  for (const list of lists) {
    const operationId = list.operationId as OperationId;
    const discarded = parameterWith(list, "x-includes-discarded");
    const pinned = { ...(pin && pinParameter(list) ? { [pinParameter(list)!]: pin } : {}), ...tourPageSize(list) };
    const queries = discarded ? [{ [discarded.name]: false }, { [discarded.name]: true }] : [{}];
    const serves: CheckName[] = [
      ...CONFORMANCE_CHECKS,
      "parameters-honoured",
      "pagination-integrity",
      "cross-endpoint-consistency",
    ];
    for (const query of queries) plan.push({ kind: "page", operationId, query: { ...query, ...pinned }, serves });
    for (const parameter of parametersIn(list, "query").filter((p) => filterMeaning(p.extensions))) {
      const query = discarded ? { [discarded.name]: false, ...pinned } : pinned;
      plan.push({
        kind: "filtered-page",
        operationId,
        parameter: parameter.name,
        query,
        serves: ["parameters-honoured", "pagination-integrity"],
      });
    }
  }
  for (const item of operations.filter((get) => lists.some((list) => list.operationId === get.getById?.list))) {
    const { list, idParameter } = item.getById!;
    const operationId = item.operationId as OperationId;
    plan.push({
      kind: "sampled-item",
      operationId,
      listOperationId: list as OperationId,
      idParameter,
      serves: [...CONFORMANCE_CHECKS, "cross-endpoint-consistency"],
    });
    plan.push({ kind: "unknown-item", operationId, idParameter, serves: [...CONFORMANCE_CHECKS, "negative-data"] });
    const parameter = item.parameters.find((p) => p.name === idParameter);
    for (const { value } of parameter ? invalidValues(parameter) : []) {
      plan.push({ kind: "malformed-id", operationId, idParameter, value: String(value), serves: ["negative-data"] });
    }
  }
  for (const list of lists) {
    const operationId = list.operationId as OperationId;
    for (const parameter of parametersIn(list, "query")) {
      for (const { value, why } of invalidValues(parameter)) {
        plan.push({
          kind: "invalid-parameter",
          operationId,
          parameter: parameter.name,
          value,
          why,
          serves: ["negative-data"],
        });
      }
    }
    plan.push({ kind: "unknown-parameter", operationId, parameter: UNKNOWN_PARAMETER, serves: ["negative-data"] });
  }
  const first = lists[0];
  if (first) {
    const pageSize = parameterWith(first, "x-page-size");
    const smallest = (pageSize?.schema as { minimum?: unknown } | undefined)?.minimum;
    const query = pageSize ? { [pageSize.name]: typeof smallest === "number" ? smallest : 1 } : {};
    const operationId = first.operationId as OperationId;
    if (noCredentialsProbe) plan.push({ kind: "no-credentials", operationId, query, serves: ["authentication"] });
    if (authProbe)
      plan.push({ kind: "wrong-credentials", operationId, query, serves: [...CONFORMANCE_CHECKS, "authentication"] });
  }
  return plan;
}
