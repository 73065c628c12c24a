// The spec's operations as tabled from the active spec (src/operations/active-spec.ts; by default the generator's
// generated/operations.js): the one source every route-generic part reads (client, drift-check planner, CLI), so a new
// operation in the spec needs no code here.
import type { Operation, OperationId, OperationParameter } from "../../generated/operations.js";
import { activeSpec, perSpec } from "./active-spec.ts";

export type { Operation, OperationId, OperationParameter };

const operationList = perSpec((spec): readonly Operation[] => Object.values(spec.operations));

/** Every operation of the active spec, in document order. */
export function allOperations(): readonly Operation[] {
  return operationList();
}

/** True for an operationId the active spec declares (checked at run time for ids that arrive as plain strings). */
export function isOperationId(value: unknown): value is OperationId {
  return typeof value === "string" && Object.hasOwn(activeSpec().operations, value);
}

/** The operation with this id; a TypeError for an id the active spec does not declare. */
export function operationOf(operationId: string): Operation {
  if (!isOperationId(operationId))
    throw new TypeError(`unknown operationId ${JSON.stringify(String(operationId)).slice(0, 80)}`);
  return activeSpec().operations[operationId]!;
}

/** The operations read page after page (a GET whose 200 body has `links` and a `data` array). */
export const listOperations = (): Operation[] => allOperations().filter((operation) => operation.list);

/** The operations that get one item of a list operation by its id. */
export const getByIdOperations = (): Operation[] => allOperations().filter((operation) => operation.getById !== null);

/** The parameters of an operation in one location. */
export const parametersIn = (operation: Operation, location: OperationParameter["in"]): OperationParameter[] =>
  operation.parameters.filter((parameter) => parameter.in === location);

/** The first parameter of an operation that carries an `x-` extension (see docs/spec.md "Extensions we use"). */
export const parameterWith = (operation: Operation, extension: string): OperationParameter | undefined =>
  operation.parameters.find((parameter) => parameter.extensions[extension] !== undefined);
