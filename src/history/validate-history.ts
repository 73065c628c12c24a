// The history file's shape, checked with ajv against schemas/history.schema.json (compiled once, on first use), then
// what a schema cannot say: every fingerprint a run saw is one of the findings.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import * as addFormatsModule from "ajv-formats";
import { packageFilePath } from "../openapi/spec-path.ts";
import type { HistoryDocument } from "./history-types.ts";

// ajv-formats is CommonJS; its default export arrives wrapped when imported from ESM.
const addFormats = addFormatsModule.default.default;

export const HISTORY_SCHEMA_PATH = "schemas/history.schema.json";

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  addFormats(ajv, ["date-time"]);
  compiled = ajv.compile(JSON.parse(readFileSync(packageFilePath(HISTORY_SCHEMA_PATH), "utf8")));
  return compiled;
}

/** Where the value first breaks the history's shape (a JSON pointer) and how, or undefined when it is a history. */
export function historyShapeError(value: unknown): { where: string; message: string } | undefined {
  const validate = validator();
  if (!validate(value)) {
    const error = validate.errors?.[0];
    return { where: error?.instancePath || "/", message: error?.message ?? "is not a history" };
  }
  const history = value as HistoryDocument;
  for (const [index, run] of history.runs.entries()) {
    if (run.counts.length !== run.seen.length)
      return { where: `/runs/${index}/counts`, message: "must have one count per fingerprint seen" };
    for (const [at, fingerprint] of run.seen.entries()) {
      if (!Object.hasOwn(history.findings, fingerprint))
        return { where: `/runs/${index}/seen/${at}`, message: "is not one of /findings" };
    }
  }
  return undefined;
}
