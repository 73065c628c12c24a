// A `Date` passed for a parameter whose schema takes an RFC 3339 date-time is the instant it is: sent as its
// `toISOString()` (UTC, milliseconds). Anywhere else a Date is refused with a message that says so, not with the
// validator's "must be string" quoting what looks like a valid string.
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import type { Operation } from "../operations/operation-table.ts";

/** Whether a parameter's schema (`$ref`s inlined) takes a date-time: its own format, or one of its anyOf/oneOf branches'. */
export function takesDateTime(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  const { format, anyOf, oneOf } = schema as { format?: unknown; anyOf?: unknown; oneOf?: unknown };
  if (format === "date-time") return true;
  return [anyOf, oneOf].some((branches) => Array.isArray(branches) && branches.some(takesDateTime));
}

/**
 * The values of one location with each Date as its ISO text. `values` is the caller's copy and is changed in place.
 * @param field the name errors give a value: `id` for a path parameter, `query.created_after` for a query one
 */
export function datesAsText(
  operation: Operation,
  location: "path" | "query",
  values: Record<string, unknown>,
  field: (name: string) => string,
): void {
  for (const [name, value] of Object.entries(values)) {
    if (!(value instanceof Date)) continue;
    const parameter = operation.parameters.find((p) => p.in === location && p.name === name);
    if (!parameter || !takesDateTime(parameter.schema)) {
      throw new InvalidInputError(
        field(name),
        `Invalid ${field(name)}: a Date is accepted only by a date-time parameter; pass a string`,
      );
    }
    if (Number.isNaN(value.getTime()))
      throw new InvalidInputError(field(name), `Invalid ${field(name)}: an invalid Date (its time is NaN)`);
    values[name] = value.toISOString();
  }
}
