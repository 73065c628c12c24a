// The formats the validator checks (ajv-formats, full mode), as one predicate: does a string satisfy a format.
import { fullFormats } from "ajv-formats/dist/formats.js";

type FormatDefinition =
  | RegExp
  | ((value: string) => boolean)
  | { type?: string; validate: RegExp | ((value: string) => boolean) };

const FORMATS = fullFormats as unknown as Record<string, FormatDefinition | undefined>;

/** The formats inferred for a new string property, most specific first; only one that every value satisfies is kept. */
export const INFERRED_STRING_FORMATS = ["uuid", "date-time", "date"] as const;

/**
 * Whether `value` satisfies `format` as the validator checks it. A format the validator does not know, or one that
 * applies to numbers only (`double`, `int32`), holds for every string.
 */
export function satisfiesFormat(value: string, format: string): boolean {
  const definition = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (definition === undefined) return true;
  const check =
    definition instanceof RegExp || typeof definition === "function"
      ? definition
      : definition.type === undefined || definition.type === "string"
        ? definition.validate
        : undefined;
  if (check === undefined) return true;
  return check instanceof RegExp ? check.test(value) : check(value);
}
