// An ajv error in words, for a gate's problem: what is wrong at the failing value, without ajv's own jargon.
import type { ErrorObject } from "ajv";
import { quoted } from "./document-gate.ts";

/** The required properties a value lacks, when the first error is one of several alternatives (`oneOf` branches). */
function missingAlternatives(errors: readonly ErrorObject[], first: ErrorObject): string[] {
  const names = errors
    .filter((error) => error.keyword === "required" && error.instancePath === first.instancePath)
    .map((error) => String(error.params.missingProperty));
  return [...new Set(names)];
}

/** The first error of a failed validation in words; `value` is the value at its instancePath. */
export function ajvErrorText(errors: readonly ErrorObject[], value: unknown): string {
  const first = errors[0]!;
  const params = first.params as Record<string, unknown>;
  switch (first.keyword) {
    case "required": {
      const names = missingAlternatives(errors, first);
      return names.length > 1
        ? `needs one of the properties ${names.map((name) => quoted(name)).join(" or ")}`
        : `misses the required property ${quoted(params.missingProperty)}`;
    }
    case "additionalProperties":
      return `has a property that is not allowed here: ${quoted(params.additionalProperty)}`;
    case "unevaluatedProperties":
      return `has a property that is not allowed here: ${quoted(params.unevaluatedProperty)}`;
    case "type":
      return `must be of type ${[params.type].flat().join(" or ")}, not ${quoted(value)}`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((item) => quoted(item)).join(", ")}, not ${quoted(value)}`;
    case "const":
      return `must be ${quoted(params.allowedValue)}, not ${quoted(value)}`;
    case "pattern":
      return `must match the pattern ${params.pattern}, not ${quoted(value)}`;
    case "format":
      return `must be a ${params.format}, not ${quoted(value)}`;
    default:
      return `${first.message ?? first.keyword}${value === undefined ? "" : ` (${quoted(value)})`}`;
  }
}
