// Values a parameter's schema forbids, derived from the schema alone: one past each bound, a non-date for a date, a
// non-boolean for a boolean, a non-UUID for a uuid. The typed facade refuses each before sending; the check sends
// them through the exchange primitive to see the server refuse them too.
import type { OperationParameter } from "../operations/operation-table.ts";

interface SchemaLike {
  type?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
}

const formats = (schema: SchemaLike): unknown[] => {
  const branches = [
    schema,
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
  ] as SchemaLike[];
  return branches.map((branch) => branch?.format).filter((format) => format !== undefined);
};

/** The invalid values of one parameter, each with why it is invalid. */
export function invalidValues(parameter: OperationParameter): { value: string | number; why: string }[] {
  const schema = (parameter.schema ?? {}) as SchemaLike;
  const out: { value: string | number; why: string }[] = [];
  if (schema.type === "integer" || schema.type === "number") {
    if (typeof schema.minimum === "number")
      out.push({ value: schema.minimum - 1, why: `below the minimum ${schema.minimum}` });
    if (typeof schema.maximum === "number")
      out.push({ value: schema.maximum + 1, why: `above the maximum ${schema.maximum}` });
  }
  if (schema.type === "boolean") out.push({ value: "not-a-boolean", why: "not true or false" });
  const known = formats(schema);
  if (known.includes("uuid")) out.push({ value: "not-a-uuid", why: "not a UUID" });
  else if (known.some((format) => format === "date" || format === "date-time"))
    out.push({ value: "not-a-date", why: "neither a date nor a date-time" });
  return out;
}
