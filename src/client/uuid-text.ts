// The ids the client sends: UUID text exactly, 8-4-4-4-12 hexadecimal digits in either case, nothing around it.

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuidText(value: unknown): value is string {
  return typeof value === "string" && UUID_TEXT.test(value);
}
