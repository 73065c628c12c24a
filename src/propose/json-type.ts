// The JSON Schema type of a parsed JSON value.

export type JsonType = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return "string";
  return "object";
}

/** Whether a schema's `type` keyword (a name or a list of names) admits a value of this type. */
export function typeAdmits(type: unknown, actual: JsonType): boolean {
  const names = Array.isArray(type) ? type : [type];
  return names.includes(actual) || (actual === "integer" && names.includes("number"));
}

/** The order types are written in: the values' own types, then null last (the spec writes `[T, "null"]`). */
export const TYPE_ORDER: readonly JsonType[] = ["object", "array", "string", "number", "integer", "boolean", "null"];
