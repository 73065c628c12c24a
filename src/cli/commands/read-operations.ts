// The operations behind `video-logs list` and `video-logs get`; their query flags come from the spec's parameters.
import { getByIdOperations, isOperationId, type Operation, operationOf } from "../../operations/operation-table.ts";
import { CommandFailure } from "../command-failure.ts";

const LIST = "list_logs";

/** The operations `list` and `get` read in the active spec: list_logs, and the operation that gets one of its items. */
export function readOperations(): { list: Operation; get: Operation } {
  const list = isOperationId(LIST) ? operationOf(LIST) : undefined;
  const get = list && getByIdOperations().find((operation) => operation.getById!.list === list.operationId);
  if (!list || !get) {
    throw new CommandFailure(
      `The spec has no ${list ? `operation that gets one item of ${LIST}` : `${LIST} operation`}: video-logs get and list read them`,
    );
  }
  return { list, get };
}

/** The built-in spec's. */
export const { list: LIST_OPERATION, get: GET_OPERATION } = readOperations();
