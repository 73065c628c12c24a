// The HAR 1.2 structure check: the `har-schema` package's JSON Schemas (draft-06), compiled at generate time
// (generated/har-validator.js). A live check never loads it: run-har-check.ts, which reaches it, is loaded on first use.
import type { ErrorObject } from "ajv";
import { validateHar } from "../../../generated/har-validator.js";

/** The first way `value` is not a HAR 1.2 log, or undefined when it is one. */
export function harStructureError(value: unknown): ErrorObject | undefined {
  return validateHar(value)
    ? undefined
    : (validateHar.errors?.[0] ?? {
        instancePath: "",
        schemaPath: "",
        keyword: "",
        params: {},
        message: "is not a HAR log",
      });
}
