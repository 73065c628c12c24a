// Command-line flags derived from an operation's query parameters in the operation table: `page_size` becomes
// `--page-size N`, a boolean becomes a switch. A new query parameter in the spec needs no CLI code.

import { isInvalidInputError } from "../errors/invalid-input-error.ts";
import type { Operation, OperationParameter } from "../operations/operation-table.ts";
import { parametersIn } from "../operations/operation-table.ts";
import type { FlagRow } from "./flag-table.ts";
import { integerFlag } from "./parse-command-args.ts";
import { UsageError } from "./usage-error.ts";

interface ParameterSchema {
  type?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

const flagName = (parameter: OperationParameter) => parameter.name.replace(/_/g, "-");
const schemaOf = (parameter: OperationParameter) => (parameter.schema ?? {}) as ParameterSchema;
const isType = (parameter: OperationParameter, type: string) => {
  const declared = schemaOf(parameter).type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
};

/** One flag per query parameter, described by the first sentence of its description in the spec. */
export function queryFlagRows(operation: Operation): FlagRow[] {
  return parametersIn(operation, "query").map((p) => {
    const isSwitch = isType(p, "boolean");
    return {
      name: flagName(p),
      type: isSwitch ? "boolean" : "string",
      placeholder: isSwitch ? undefined : isType(p, "integer") ? "N" : "VALUE",
      description: (p.description ?? "").split(/(?<=\.)\s/)[0]!.replace(/\.$/, ""),
    };
  });
}

/**
 * The query the flags ask for: a switch sends `true` only when given; an integer is checked against the schema's
 * bounds here (the flag's own range message); any other value goes as typed, for the client to check by the spec.
 */
export function queryFromFlags(operation: Operation, values: Record<string, unknown>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const parameter of parametersIn(operation, "query")) {
    const value = values[flagName(parameter)];
    if (value === undefined || value === false) continue;
    if (isType(parameter, "integer")) {
      const { minimum, maximum } = schemaOf(parameter);
      const min = typeof minimum === "number" ? minimum : Number.MIN_SAFE_INTEGER;
      const max = typeof maximum === "number" ? maximum : Number.MAX_SAFE_INTEGER;
      query[parameter.name] = integerFlag(flagName(parameter), String(value), { min, max });
    } else {
      query[parameter.name] = value;
    }
  }
  return query;
}

/**
 * The client's refusal of a query value, told as the flag the user typed: `Invalid query.created_after …` becomes
 * `Invalid --created-after …`, a usage error. Anything else is returned unchanged.
 */
export function asFlagError(error: unknown): unknown {
  if (!isInvalidInputError(error) || !error.field.startsWith("query.")) return error;
  const flag = `--${error.field.slice("query.".length).replace(/_/g, "-")}`;
  return new UsageError(error.message.split(error.field).join(flag));
}
