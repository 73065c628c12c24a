// Turns raw validator errors into classified violations, explaining a failed union of object schemas by one branch.
import type { UnionBranch, ValidationError } from "../../generated/validators-detailed.js";
import { escapeToken, valueAtPointer } from "../openapi/json-pointer.ts";
import type { Redactor } from "../redaction/redactor.ts";
import { chooseUnionBranch } from "./choose-union-branch.ts";
import { shortJson } from "./short-json.ts";
import type { Violation } from "./violation.ts";

type UnionBranches = Readonly<Record<string, UnionBranch>>;

export interface ExplainContext {
  body: unknown;
  /** The object schemas that are branches of a union, by `$ref`. */
  branches: UnionBranches;
  /** The literal the server wrote for the number at a pointer, when the raw text is known. */
  numberLiteral?: (pointer: string) => string | undefined;
  /** Removes the credentials from server text before it is cut. */
  redactor: Redactor;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

function typeViolation(error: ValidationError, value: unknown, context: ExplainContext): Violation {
  const at = error.instancePath;
  const type = error.params.type;
  const expected = Array.isArray(type) ? type.join(" or ") : String(type);
  const base = { pointer: at, kind: "breaking" as const, keyword: error.keyword, expected };
  // JSON.parse reads a literal beyond double range (1e400) as ±Infinity, which no JSON Schema number accepts.
  if (typeof value === "number" && !Number.isFinite(value)) {
    const written = context.numberLiteral?.(at) ?? String(value);
    const wanted = /\b(number|integer)\b/.test(expected) ? `a finite ${expected}` : expected;
    return { ...base, message: `expected ${wanted}, got ${written}`, actual: written };
  }
  return {
    ...base,
    message: `expected ${expected}, got ${describeType(value)}`,
    actual: shortJson(value, context.redactor),
  };
}

function toViolation(error: ValidationError, context: ExplainContext): Violation {
  const { body } = context;
  const at = error.instancePath;
  const value = valueAtPointer(body, at);
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const pointer = `${at}/${escapeToken(name)}`;
      return {
        pointer,
        kind: "additive",
        keyword: error.keyword,
        // JSON-quoted and bounded: the name comes from the server and may hold control characters or be huge.
        message: `unexpected property ${shortJson(name, context.redactor)} (not in the spec)`,
        expected: "(absent)",
        actual: shortJson(valueAtPointer(body, pointer), context.redactor),
      };
    }
    case "required": {
      const pointer = `${at}/${escapeToken(String(params.missingProperty))}`;
      return {
        pointer,
        kind: "breaking",
        keyword: error.keyword,
        message: `missing required property "${String(params.missingProperty)}"`,
        expected: "present",
        actual: "(absent)",
      };
    }
    case "type":
      return typeViolation(error, value, context);
    case "enum": {
      const expected = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
      return {
        pointer: at,
        kind: "breaking",
        keyword: error.keyword,
        message: `${shortJson(value, context.redactor)} is not one of ${expected}`,
        expected,
        actual: shortJson(value, context.redactor),
      };
    }
    case "format":
      return {
        pointer: at,
        kind: "breaking",
        keyword: error.keyword,
        message: `${shortJson(value, context.redactor)} is not a valid ${String(params.format)}`,
        expected: `format ${String(params.format)}`,
        actual: shortJson(value, context.redactor),
      };
    default:
      return {
        pointer: at,
        kind: "breaking",
        keyword: error.keyword,
        message: error.message ?? `fails "${error.keyword}"`,
        expected: `${error.keyword} ${shortJson(error.schema, context.redactor)}`,
        actual: shortJson(value, context.redactor),
      };
  }
}

/**
 * The violations of the one branch chosen by the branch rule, or undefined when the union is not one of named object
 * schemas (such as `DateOrDateTime`): then ajv's own errors stand.
 */
function explainUnion(error: ValidationError, context: ExplainContext): Violation[] | undefined {
  const options = error.schema;
  if (!Array.isArray(options)) return undefined;
  const branches: UnionBranch[] = [];
  for (const option of options as { $ref?: unknown }[]) {
    const branch = typeof option?.$ref === "string" ? context.branches[option.$ref] : undefined;
    if (!branch) return undefined;
    branches.push(branch);
  }
  const value = valueAtPointer(context.body, error.instancePath);
  const chosen = branches[chooseUnionBranch(value, branches)]!;
  // A oneOf fails on a value that matches several branches; no single branch explains that, ajv's errors do.
  if (chosen.validate(value)) return undefined;
  // The branch's pointers are relative to the union's value; prefixed, they are relative to the whole body.
  const errors = (chosen.validate.errors ?? []).map((e) => ({
    ...e,
    instancePath: error.instancePath + e.instancePath,
  }));
  return explainErrors(errors, context);
}

/**
 * Classifies the errors of a detailed validator (`allErrors`, `verbose`). A failed `anyOf`/`oneOf` of named object
 * schemas is reported as the full violations of the branch the branch rule chooses (see choose-union-branch.ts); the
 * errors ajv collected inside the union are dropped.
 */
export function explainErrors(errors: readonly ValidationError[], context: ExplainContext): Violation[] {
  // By pointer: two unions that fail at one value (under an allOf) are both explained.
  const explained = new Map<string, Violation[]>();
  for (const error of errors) {
    if (error.keyword !== "anyOf" && error.keyword !== "oneOf") continue;
    const violations = explainUnion(error, context);
    if (violations) explained.set(error.instancePath, [...(explained.get(error.instancePath) ?? []), ...violations]);
  }
  // Walks up the pointer's ancestors: as cheap with a thousand explained unions as with one.
  const insideExplainedUnion = (pointer: string): boolean => {
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf("/"))) {
      if (explained.has(at)) return true;
      if (at === "") return false;
    }
  };

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
    add(toViolation(error, context));
  }
  for (const violations of explained.values()) violations.forEach(add);
  return out;
}
