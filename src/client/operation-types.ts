// The generic methods' types, derived from the generated `operations` (what `paths` points to): a new operation in
// the spec is typed with no change here.
import type { operations } from "../../generated/video-logs.d.ts";
import type { OperationId } from "../operations/operation-table.ts";

// Defined once, by the generated operation table; re-exported for the client's modules.
export type { OperationId };

/** The path and query parameters of an operation, as openapi-typescript types them (required ones stay required). */
export type ParamsOf<Op extends OperationId> = Pick<operations[Op]["parameters"], "path" | "query">;

/** The JSON body of an operation's 200 response. */
export type OkBodyOf<Op extends OperationId> = operations[Op]["responses"] extends {
  200: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/** The operations whose 200 body is a page: `links` and a `data` array (the spec's pagination rule, in types). */
export type ListOperationId = {
  [Op in OperationId]: OkBodyOf<Op> extends { links: unknown; data: readonly unknown[] } ? Op : never;
}[OperationId];

/** One item of a list operation's pages. */
export type ItemOf<Op extends OperationId> = OkBodyOf<Op> extends { data: readonly (infer Item)[] } ? Item : never;
