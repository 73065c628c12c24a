// The action's inputs, as the composite steps pass them (INPUT_<NAME> with `-` as `_`), read and checked once.
import { ActionInputError } from "./action-error.ts";

export const MODES = ["check", "diff"] as const;
export type Mode = (typeof MODES)[number];

export interface ActionInputs {
  mode: Mode;
  space: string;
  baseUrl: string;
  projectId: string;
  apiToken: string;
  spec: string;
  baseSpec: string;
  baseline: string;
  history: string;
  failOn: string;
  diffFailOn: string;
  strict: boolean;
  minCoverage: string;
  /** FORMAT=FILE entries the user asked for, beside the action's own. */
  reports: string[];
  sarif: boolean;
  /** A token to comment with; empty: no comment. */
  commentToken: string;
  issue: boolean;
  maxAnnotations: number;
}

type Env = Record<string, string | undefined>;

function input(env: Env, name: string): string {
  return (env[`INPUT_${name.toUpperCase().replaceAll("-", "_")}`] ?? "").trim();
}

function booleanInput(env: Env, name: string): boolean {
  const value = input(env, name).toLowerCase();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  throw new ActionInputError(`Input ${name} must be true or false, got ${JSON.stringify(value)}`);
}

function choiceInput<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const value = input(env, name) || fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new ActionInputError(`Input ${name} must be one of ${choices.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function countInput(env: Env, name: string, fallback: number): number {
  const value = input(env, name);
  if (value === "") return fallback;
  if (!/^\d{1,6}$/.test(value))
    throw new ActionInputError(`Input ${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** FORMAT=FILE entries, one per line or separated by spaces or commas. */
function reportsInput(env: Env): string[] {
  const entries = input(env, "reports")
    .split(/[\s,]+/)
    .filter((entry) => entry !== "");
  for (const entry of entries) {
    if (!/^[a-z]+=.+$/.test(entry)) {
      throw new ActionInputError(`Input reports: each entry is FORMAT=FILE, got ${JSON.stringify(entry)}`);
    }
  }
  return entries;
}

export function readInputs(env: Env): ActionInputs {
  const mode = choiceInput(env, "mode", MODES, "check");
  const inputs: ActionInputs = {
    mode,
    space: input(env, "space"),
    baseUrl: input(env, "base-url"),
    projectId: input(env, "project-id"),
    apiToken: input(env, "api-token"),
    spec: input(env, "spec"),
    baseSpec: input(env, "base-spec"),
    baseline: input(env, "baseline"),
    history: input(env, "history"),
    failOn: choiceInput(env, "fail-on", ["breaking", "new"], "breaking"),
    diffFailOn: choiceInput(env, "diff-fail-on", ["breaking", "non-breaking"], "breaking"),
    strict: booleanInput(env, "strict"),
    minCoverage: input(env, "min-coverage"),
    reports: reportsInput(env),
    sarif: booleanInput(env, "sarif"),
    commentToken: input(env, "comment"),
    issue: booleanInput(env, "issue"),
    maxAnnotations: countInput(env, "max-annotations", 50),
  };
  if (mode === "diff" && (inputs.spec === "" || inputs.baseSpec === "")) {
    throw new ActionInputError("mode: diff needs both spec (the changed document) and base-spec (the one before)");
  }
  if (inputs.issue && inputs.commentToken === "") {
    throw new ActionInputError("issue: true needs comment, a token that may write issues (issues: write)");
  }
  if (mode === "check" && inputs.space !== "" && inputs.baseUrl !== "") {
    throw new ActionInputError("Give space or base-url, not both");
  }
  return inputs;
}
