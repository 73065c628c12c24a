// The ignore file's structure check: schemas/baseline.schema.json, compiled by ajv on first use (`check --baseline`
// alone loads this module), every error collected. Each problem is one line naming the entry (its index and JSON
// pointer) and the key.

import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { fullFormats } from "ajv-formats/dist/formats.js";
import schema from "../../schemas/baseline.schema.json" with { type: "json" };
import { unescapeToken } from "../openapi/json-pointer.ts";

/** The keys an entry may hold, in the order the messages name them. */
export const ENTRY_KEYS = Object.keys(schema.$defs.entry.properties);

/** The check names the schema accepts. */
export const SCHEMA_CHECK_NAMES: readonly string[] = schema.$defs.entry.properties.check.enum;

/** The problems listed one by one; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 10;

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
    // Full mode: a date that does not exist (2026-02-30) is refused, not only one of the wrong shape.
    ajv.addFormat("date", fullFormats.date);
    validate = ajv.compile(schema);
  }
  return validate;
}

/** One problem: where (an entry's index, -1 for the file itself), how telling (0 first), and the line. */
interface Problem {
  entry: number;
  rank: number;
  line: string;
}

/** Every way `value` is not an ignore file, one line each (at most MAX_LISTED_PROBLEMS, then a count); [] when it is. */
export function ignoreFileProblems(value: unknown): string[] {
  if (validator()(value)) return [];
  const entries = (value as { ignore?: unknown }).ignore;
  const problems: Problem[] = [];
  const empty = new Set<number>();
  for (const error of validator().errors ?? []) {
    const match = /^\/ignore\/(\d+)(?:\/(.*))?$/.exec(error.instancePath);
    if (!match) {
      problems.push({ entry: -1, rank: 0, line: `the file: ${fileProblem(error)}` });
      continue;
    }
    const entry = Number(match[1]);
    const held = Array.isArray(entries) ? (entries[entry] as unknown) : undefined;
    const where = `entry ${entry} (/ignore/${entry})`;
    if (isEmptyObject(held)) {
      if (!empty.has(entry))
        problems.push({
          entry,
          rank: 0,
          line: `${where} is empty and would hide every finding: name at least its check, e.g. {"check": "response-schema", "pointer": "/data/*/charge"}`,
        });
      empty.add(entry);
      continue;
    }
    const key = match[2] === undefined ? undefined : unescapeToken(match[2]);
    problems.push(key === undefined ? entryProblem(where, entry, error) : fieldProblem(where, entry, key, error));
  }
  problems.sort((a, b) => a.entry - b.entry || a.rank - b.rank);
  const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => problem.line);
  if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`… and ${problems.length - MAX_LISTED_PROBLEMS} more`);
  return lines;
}

const isEmptyObject = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

/** A quoted value of the file, cut short: it is the user's own text, shown to say which. */
const quote = (value: unknown) => JSON.stringify(typeof value === "string" ? value.slice(0, 80) : value) ?? "";

const listed = (words: readonly string[]) => `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

function fileProblem(error: ErrorObject): string {
  if (error.keyword === "additionalProperties")
    return `unknown key ${quote(error.params.additionalProperty)}: an ignore file holds "ignore" (and "$schema")`;
  if (error.instancePath === "/ignore") return `"ignore" must be an array of entries`;
  if (error.instancePath === "") return `it must be an object, {"ignore": [...]}`;
  return `${quote(error.instancePath.slice(1))} ${error.message ?? "is invalid"}`;
}

/** A problem of the entry itself: an unknown key, no check, not an object. */
function entryProblem(where: string, entry: number, error: ErrorObject): Problem {
  if (error.keyword === "additionalProperties") {
    const key = String(error.params.additionalProperty);
    const meant = ENTRY_KEYS.find((known) => editDistance(known, key) <= 2);
    return {
      entry,
      rank: 0,
      line: `${where} has an unknown key ${quote(key)}${meant ? ` (did you mean "${meant}"?)` : ""}: an entry may hold ${listed(ENTRY_KEYS)}`,
    };
  }
  if (error.keyword === "required")
    return {
      entry,
      rank: 1,
      line: `${where} names no check, so it would hide the findings of every check: add the check that found the drift, e.g. "check": "response-schema" (video-logs check --list-checks)`,
    };
  return {
    entry,
    rank: 2,
    line: `${where} must be an object, e.g. {"check": "response-schema", "pointer": "/data/*/charge"}`,
  };
}

/** A problem of one field of an entry. */
function fieldProblem(where: string, entry: number, key: string, error: ErrorObject): Problem {
  const at = `${where}, "${key}"`;
  const given = quote(error.data);
  const line =
    key === "check" && error.keyword === "enum"
      ? `${at}: ${given} is not a check; the checks are ${listed(SCHEMA_CHECK_NAMES)}`
      : key === "expires" && error.keyword === "format"
        ? `${at}: ${given} is not a date that exists, written YYYY-MM-DD (the entry lasts to the end of that day, UTC)`
        : key === "pointer" && error.keyword === "pattern"
          ? `${at}: ${given} is not a JSON pointer (empty, or starting with "/", e.g. "/data/*/charge")`
          : key === "status"
            ? `${at}: ${given} is not a status: a whole number from 100 to 599, or null for no response`
            : key === "fingerprint" && error.keyword === "pattern"
              ? `${at}: ${given} is not a fingerprint (16 hex digits, as findings[].fingerprint in a JSON report)`
              : `${at}: ${given} ${error.message ?? "is invalid"}`;
  return { entry, rank: 2, line };
}

/** Levenshtein distance, for the key an unknown one was likely meant to be. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
