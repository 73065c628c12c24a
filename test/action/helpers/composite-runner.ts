// Runs action.yml's composite steps as GitHub's runner would, on this machine: each `run:` step in bash with the
// env the step sets (expressions resolved), its own $GITHUB_OUTPUT file read back into its outputs, one
// $GITHUB_STEP_SUMMARY for the job. The `uses:` steps cannot run here: actions/cache is played by a folder standing
// for the cache service (restore by exact key, then the newest key with the restore prefix; a key is written once),
// and every other one is recorded with the inputs it would get.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "../../helpers/cli.ts";
import { type ExpressionContext, interpolate, stepRuns } from "./expressions.ts";

export interface ActionStep {
  id: string;
  if?: string;
  run?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  "working-directory"?: string;
}

export interface ActionDefinition {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export const ACTION = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionDefinition;

export interface StepRun {
  id: string;
  /** For a `uses:` step: the action and the inputs it got. */
  uses?: string;
  with?: Record<string, string>;
  ran: boolean;
  code?: number;
  stdout?: string;
  stderr?: string;
  outputs: Record<string, string>;
}

export interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
  /** The job summary written by every step. */
  summary: string;
  /** Every line the steps wrote to stdout (workflow commands among them). */
  stdout: string;
  failed: boolean;
}

export interface GithubEnvironment {
  /** The job's directory; $GITHUB_WORKSPACE and the working directory of every step. */
  workspace: string;
  /** Where the runner's files go ($RUNNER_TEMP, the output and summary files). */
  temp: string;
  eventName: string;
  event: unknown;
  /** Extra GITHUB_* variables (GITHUB_API_URL, GITHUB_RUN_ID…). */
  env?: Record<string, string>;
  /** The folder standing for the cache service, kept across runs of one test. */
  cacheDir: string;
}

/** Parses $GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`Unterminated output ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
  }
  return outputs;
}

function bash(script: string, cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn("bash", ["-e", "-c", script], { cwd, env, stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const cacheEntry = (cacheDir: string, key: string) => join(cacheDir, encodeURIComponent(key));

/** actions/cache/restore: the exact key, else the newest entry whose key starts with a restore key. */
function restoreCache(github: GithubEnvironment, inputs: Record<string, string>): Record<string, string> {
  mkdirSync(github.cacheDir, { recursive: true });
  const keys = readdirSync(github.cacheDir).map(decodeURIComponent);
  const prefixes = (inputs["restore-keys"] ?? "").split("\n").filter((prefix) => prefix !== "");
  const hit =
    keys.find((key) => key === inputs.key) ??
    keys
      .filter((key) => prefixes.some((prefix) => key.startsWith(prefix)))
      .sort(
        (a, b) => statSync(cacheEntry(github.cacheDir, b)).mtimeMs - statSync(cacheEntry(github.cacheDir, a)).mtimeMs,
      )[0];
  if (hit === undefined) return { "cache-hit": "false" };
  const target = isAbsolute(inputs.path!) ? inputs.path! : join(github.workspace, inputs.path!);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(cacheEntry(github.cacheDir, hit), target);
  return { "cache-hit": String(hit === inputs.key), "cache-matched-key": hit };
}

/** actions/cache/save: refuses a key already saved, as the cache service does. */
function saveCache(github: GithubEnvironment, inputs: Record<string, string>): Record<string, string> {
  const entry = cacheEntry(github.cacheDir, inputs.key!);
  if (existsSync(entry)) throw new Error(`Cache key ${inputs.key} is saved already`);
  const source = isAbsolute(inputs.path!) ? inputs.path! : join(github.workspace, inputs.path!);
  if (existsSync(source)) copyFileSync(source, entry);
  return {};
}

function resolveAll(values: Record<string, string> | undefined, context: ExpressionContext): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([name, value]) => [name, interpolate(String(value), context)]),
  );
}

async function runStep(step: ActionStep, github: GithubEnvironment, context: ExpressionContext, n: number) {
  const outputFile = join(github.temp, `output-${n}`);
  writeFileSync(outputFile, "");
  const env = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_WORKSPACE: github.workspace,
    GITHUB_EVENT_NAME: github.eventName,
    GITHUB_EVENT_PATH: join(github.temp, "event.json"),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: join(github.temp, "summary.md"),
    RUNNER_TEMP: github.temp,
    ...github.env,
    ...resolveAll(step.env, context),
  };
  const cwd = step["working-directory"] ? interpolate(step["working-directory"], context) : github.workspace;
  const result = await bash(step.run!, cwd, env);
  return { ...result, outputs: parseOutputFile(readFileSync(outputFile, "utf8")) };
}

/** Runs the action with `given` inputs (the rest take their defaults). The build step is skipped: dist/ is built. */
export async function runAction(given: Record<string, string>, github: GithubEnvironment): Promise<ActionRun> {
  mkdirSync(github.temp, { recursive: true });
  writeFileSync(join(github.temp, "event.json"), JSON.stringify(github.event));
  writeFileSync(join(github.temp, "summary.md"), "", { flag: "a" });
  const inputs = Object.fromEntries(
    Object.entries(ACTION.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? ""]),
  );
  const context: ExpressionContext = { inputs, steps: {}, github: { action_path: ROOT }, failed: false };
  const steps: StepRun[] = [];
  let stdout = "";
  for (const [n, step] of ACTION.runs.steps.entries()) {
    if (step.id === "build" || !stepRuns(step.if, context)) {
      steps.push({ id: step.id, ran: false, outputs: {} });
      continue;
    }
    if (step.uses !== undefined) {
      const withInputs = resolveAll(step.with, context);
      const action = step.uses.replace(/@.*/, "");
      const outputs =
        action === "actions/cache/restore"
          ? restoreCache(github, withInputs)
          : action === "actions/cache/save"
            ? saveCache(github, withInputs)
            : {};
      steps.push({ id: step.id, uses: step.uses, with: withInputs, ran: true, outputs });
      context.steps[step.id] = { outputs };
      continue;
    }
    const result = await runStep(step, github, context, n);
    stdout += result.stdout;
    steps.push({ id: step.id, ran: true, ...result });
    context.steps[step.id] = { outputs: result.outputs };
    if (result.code !== 0) context.failed = true;
  }
  const outputs = Object.fromEntries(
    Object.entries(ACTION.outputs).map(([name, output]) => [name, interpolate(output.value, context)]),
  );
  return {
    steps,
    outputs,
    summary: readFileSync(join(github.temp, "summary.md"), "utf8"),
    stdout,
    failed: context.failed,
  };
}
