// The generic methods' types, derived from the generated `operations` (what `paths` points to): a new operation in
// the spec is typed with no change here.
import type { operations as operationTable } from "../../generated/operations.d.ts";
import type { operations } from "../../generated/video-logs.d.ts";
import type { OperationId } from "../operations/operation-table.ts";

// Defined once, by the generated operation table; re-exported for the client's modules.
export type { OperationId };

/** A schema that takes an RFC 3339 date-time: its own format, or one of its anyOf or oneOf branches'. */
type DateTimeSchema = { readonly format: "date-time" };
type BranchesOf<Schema> = Schema extends { readonly anyOf: readonly (infer Branch)[] }
  ? Branch
  : Schema extends { readonly oneOf: readonly (infer Branch)[] }
    ? Branch
    : never;
type TakesDateTime<Schema> = Schema extends DateTimeSchema
  ? true
  : [Extract<BranchesOf<Schema>, DateTimeSchema>] extends [never]
    ? false
    : true;

/** The names of an operation's parameters in one location that take a date-time, from the generated operation table. */
type DateTimeParameterName<
  Op extends OperationId,
  In extends string,
> = (typeof operationTable)[Op]["parameters"][number] extends infer Parameter
  ? Parameter extends { readonly name: infer Name; readonly in: In; readonly schema: infer Schema }
    ? TakesDateTime<Schema> extends true
      ? Name
      : never
    : never
  : never;

/** The values of one location, a `Date` beside the text where the parameter takes a date-time (sent as toISOString). */
type WithDates<Values, Names> = Values extends object
  ? { [Name in keyof Values]: Name extends Names ? Values[Name] | Date : Values[Name] }
  : Values;

/**
 * The path and query parameters of an operation, as openapi-typescript types them (required ones stay required), a
 * date-time parameter taking a `Date` too.
 */
export type ParamsOf<Op extends OperationId> = {
  [In in keyof Pick<operations[Op]["parameters"], "path" | "query">]: WithDates<
    operations[Op]["parameters"][In],
    DateTimeParameterName<Op, In>
  >;
};

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
