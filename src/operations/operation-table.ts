// The spec's operations as the generator tabled them (generated/operations.js): the one source every route-generic
// part reads (client, drift-check planner, CLI), so a new operation in the spec needs no code here.
import { type Operation, type OperationId, type OperationParameter, operations } from "../../generated/operations.js";

export type { Operation, OperationId, OperationParameter };

const table: Readonly<Record<string, Operation>> = operations;

/** Every operation of the spec, in document order. */
export const allOperations: readonly Operation[] = Object.values(table);

/** True for an operationId the spec declares (checked at run time for ids that arrive as plain strings). */
export function isOperationId(value: unknown): value is OperationId {
  return typeof value === "string" && Object.hasOwn(table, value);
}

/** The operation with this id; a TypeError for an id the spec does not declare. */
export function operationOf(operationId: string): Operation {
  if (!isOperationId(operationId))
    throw new TypeError(`unknown operationId ${JSON.stringify(String(operationId)).slice(0, 80)}`);
  return table[operationId]!;
}

/** The operations read page after page (a GET whose 200 body has `links` and a `data` array). */
export const listOperations = (): Operation[] => allOperations.filter((operation) => operation.list);

/** The operations that get one item of a list operation by its id. */
export const getByIdOperations = (): Operation[] => allOperations.filter((operation) => operation.getById !== null);

/** The parameters of an operation in one location. */
export const parametersIn = (operation: Operation, location: OperationParameter["in"]): OperationParameter[] =>
  operation.parameters.filter((parameter) => parameter.in === location);

/** The first parameter of an operation that carries an `x-` extension (see README "Extensions we use"). */
export const parameterWith = (operation: Operation, extension: string): OperationParameter | undefined =>
  operation.parameters.find((parameter) => parameter.extensions[extension] !== undefined);
