// A mistake in the action's inputs or environment: the step ends with a clear `::error::` and the verdict `error`.
export class ActionInputError extends Error {
  override name = "ActionInputError";
}
