// Turns raw ajv errors into classified violations, explaining a failed union by its best-matching branch.
import type { UnionBranch, ValidationError } from "../../generated/validators-detailed.js";
import { escapeToken, valueAtPointer } from "../spec/json-pointer.ts";
import type { Violation } from "./violation.ts";

type BranchValidators = Readonly<Record<string, UnionBranch>>;

const MAX_ACTUAL_LENGTH = 60;

/** A short, single-line rendering of a JSON value for a report. */
export function shortJson(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_ACTUAL_LENGTH ? `${text.slice(0, MAX_ACTUAL_LENGTH - 1)}…` : text;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isInteger(value)) return "integer";
  return typeof value;
}

function toViolation(error: ValidationError, body: unknown): Violation {
  const at = error.instancePath;
  const value = valueAtPointer(body, at);
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case "additionalProperties": {
      const pointer = `${at}/${escapeToken(String(params.additionalProperty))}`;
      return {
        pointer,
        kind: "additive",
        keyword: error.keyword,
        // JSON-quoted: the name comes from the server and may hold control characters.
        message: `unexpected property ${JSON.stringify(String(params.additionalProperty))} (not in the spec)`,
        expected: "(absent)",
        actual: shortJson(valueAtPointer(body, pointer)),
      };
    }
    case "required": {
      const pointer = `${at}/${escapeToken(String(params.missingProperty))}`;
      return {
        pointer,
        kind: "breaking",
        keyword: error.keyword,
        message: `missing required property "${params.missingProperty}"`,
        expected: "present",
        actual: "(absent)",
      };
    }
    case "type": {
      const expected = Array.isArray(params.type) ? params.type.join(" or ") : String(params.type);
      return {
        pointer: at,
        kind: "breaking",
        keyword: error.keyword,
        message: `expected ${expected}, got ${describeType(value)}`,
        expected,
        actual: shortJson(value),
      };
    }
    case "enum": {
      const expected = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
      return {
        pointer: at,
        kind: "breaking",
        keyword: error.keyword,
        message: `${shortJson(value)} is not one of ${expected}`,
        expected,
        actual: shortJson(value),
      };
    }
    case "format":
      return {
        pointer: at,
        kind: "breaking",
        keyword: error.keyword,
        message: `${shortJson(value)} is not a valid ${params.format}`,
        expected: `format ${params.format}`,
        actual: shortJson(value),
      };
    default:
      return {
        pointer: at,
        kind: "breaking",
        keyword: error.keyword,
        message: error.message ?? `fails "${error.keyword}"`,
        expected: `${error.keyword} ${shortJson(error.schema)}`,
        actual: shortJson(value),
      };
  }
}

// The closest branch is the one with the fewest violations in all (an unknown property counts: it means the value
// is of another shape), then the fewest breaking ones.
function isCloser(candidate: Violation[], best: Violation[] | undefined): boolean {
  if (!best) return true;
  if (candidate.length !== best.length) return candidate.length < best.length;
  const breaking = (list: Violation[]) => list.filter((v) => v.kind === "breaking").length;
  return breaking(candidate) < breaking(best);
}

function explainUnion(error: ValidationError, body: unknown, branches: BranchValidators): Violation[] | undefined {
  const options = error.schema as { $ref?: string }[];
  if (!Array.isArray(options)) return undefined;
  const value = valueAtPointer(body, error.instancePath);
  let best: Violation[] | undefined;
  for (const option of options) {
    const branch = option.$ref ? branches[option.$ref] : undefined;
    if (!branch) return undefined; // an inline branch: fall back to the raw errors
    branch.validate(value);
    // The branch's pointers are relative to the union's value; prefix them to make them relative to the body.
    const prefixed = (branch.validate.errors ?? []).map((e) => ({ ...e, instancePath: error.instancePath + e.instancePath }));
    const candidate = explainErrors(prefixed, body, branches);
    if (isCloser(candidate, best)) best = candidate;
  }
  return best;
}

/**
 * Classifies ajv errors (from a validator compiled with `allErrors` and `verbose`). A failed `anyOf`/`oneOf` whose
 * branches are named components is reported as the violations of the branch the value comes closest to; the errors
 * ajv collected from the other branches are dropped.
 */
export function explainErrors(errors: readonly ValidationError[], body: unknown, branches: BranchValidators): Violation[] {
  const unions = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const explained = new Map<string, Violation[]>();
  for (const union of unions) {
    const branchViolations = explainUnion(union, body, branches);
    if (branchViolations) explained.set(union.instancePath, branchViolations);
  }
  const insideExplainedUnion = (pointer: string) =>
    [...explained.keys()].some((at) => pointer === at || pointer.startsWith(`${at}/`));

  const out: Violation[] = [];
  const seen = new Set<string>();
  const add = (violation: Violation) => {
    const key = `${violation.pointer}\u0000${violation.keyword}\u0000${violation.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(violation);
    }
  };
  for (const error of errors) {
    if (insideExplainedUnion(error.instancePath)) continue;
    add(toViolation(error, body));
  }
  for (const violations of explained.values()) violations.forEach(add);
  return out;
}
