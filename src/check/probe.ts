// A drift probe as data: what to request and what to expect, planned from the spec (plan-probes.ts) and run by the
// executor (run-drift-check.ts). Every check a probe yields carries its kind and operationId.
import type { OperationId } from "../operations/operation-table.ts";

/** What a check tests; one word per kind, stable across releases (the report's `kind`). */
export type CheckKind = "page" | "sampled-item" | "unknown-item" | "wrong-credentials";

export type Probe =
  /** Reads a list operation's pages with one query, up to the `pages` option: one `page` check per page. */
  | { kind: "page"; operationId: OperationId; query: Record<string, unknown> }
  /** Gets items seen in the listings of `listOperationId` by their id, up to the `sample` option. */
  | { kind: "sampled-item"; operationId: OperationId; listOperationId: OperationId; idParameter: string }
  /** Gets a random id nobody has: the spec's 404 body. */
  | { kind: "unknown-item"; operationId: OperationId; idParameter: string }
  /** Sends deliberately wrong credentials: the spec's 401 body. */
  | { kind: "wrong-credentials"; operationId: OperationId; query: Record<string, unknown> };

/** The status each probe kind expects. */
export const EXPECTED_STATUS: Readonly<Record<CheckKind, number>> = {
  page: 200,
  "sampled-item": 200,
  "unknown-item": 404,
  "wrong-credentials": 401,
};
