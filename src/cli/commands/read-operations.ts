// The operations behind `video-logs list` and `video-logs get`; their query flags come from the spec's parameters.
import { getByIdOperations, operationOf } from "../../operations/operation-table.ts";

export const LIST_OPERATION = operationOf("list_logs");
export const GET_OPERATION = getByIdOperations().find(
  (operation) => operation.getById!.list === LIST_OPERATION.operationId,
)!;
