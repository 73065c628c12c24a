// The action's steps, one command each (action.yml runs `node dist/action/main.js STEP`): prepare (the cache keys),
// run (the check or the diff, the summary, the annotations, the comment, the outputs) and verdict (the step's exit).
import { ActionInputError } from "./action-error.ts";
import { annotationLines } from "./annotations.ts";
import { GithubApiError } from "./github-api.ts";
import { type GithubContext, readGithubContext } from "./github-context.ts";
import { type ActionInputs, readInputs } from "./inputs.ts";
import type { Outcome } from "./outcome.ts";
import { prepareCache } from "./prepare.ts";
import { type Published, publish } from "./publish.ts";
import { resolveIn, runCheck } from "./run-check.ts";
import { runDiff } from "./run-diff.ts";
import { sarifLocations } from "./sarif-locations.ts";
import { secretScrubber } from "./secret-scrub.ts";
import { addMaskCommand, annotationCommand, appendSummary, escapeData, setOutput } from "./workflow-commands.ts";

const env = process.env;
const print = (line: string) => process.stdout.write(`${line}\n`);

function prepare(): number {
  const outputFile = env.GITHUB_OUTPUT;
  if (!outputFile) throw new ActionInputError("GITHUB_OUTPUT is not set: run this inside a GitHub Actions step");
  for (const [name, value] of Object.entries(prepareCache(env))) setOutput(outputFile, name, value);
  return 0;
}

/** Outputs: the verdict, the counts, each report's path, every report as FORMAT=FILE lines, the comment's URL. */
function writeOutputs(github: GithubContext, outcome: Outcome, published: Published, scrub: (t: string) => string) {
  const outputs: Record<string, string> = { verdict: outcome.verdict };
  for (const [name, count] of Object.entries(outcome.counts)) outputs[name] = String(count);
  for (const [format, file] of Object.entries(outcome.reports)) outputs[`${format}-report`] = file;
  outputs.reports = Object.entries(outcome.reports)
    .map(([format, file]) => `${format}=${file}`)
    .join("\n");
  outputs["comment-url"] = published.url ?? "";
  for (const [name, value] of Object.entries(outputs)) setOutput(github.outputFile, name, scrub(value));
}

async function publishOrWarn(
  inputs: ActionInputs,
  github: GithubContext,
  outcome: Outcome,
  scrub: (t: string) => string,
) {
  try {
    return await publish(inputs, github, outcome, scrub);
  } catch (error) {
    if (!(error instanceof GithubApiError)) throw error;
    print(
      annotationCommand({ level: "warning", title: "video-logs", message: `No comment written: ${error.message}` }),
    );
    return { note: `No comment written: ${error.message}.` };
  }
}

async function run(): Promise<number> {
  const github = readGithubContext(env);
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    setOutput(github.outputFile, "verdict", "error");
    throw error;
  }
  if (inputs.apiToken !== "") print(addMaskCommand(inputs.apiToken));
  const scrub = secretScrubber(inputs);
  const outcome = inputs.mode === "check" ? await runCheck(inputs, github) : await runDiff(inputs, github);
  const sarif = outcome.reports.sarif === undefined ? undefined : resolveIn(github.workspace, outcome.reports.sarif);
  const locations = sarifLocations(sarif, github.workspace);
  for (const line of annotationLines(outcome.findings, locations, outcome.defaultFile, inputs.maxAnnotations))
    print(scrub(line));
  const published = await publishOrWarn(inputs, github, outcome, scrub);
  appendSummary(github.summaryFile, scrub(outcome.markdown + (published.note ? `\n${published.note}\n` : "")));
  writeOutputs(github, outcome, published, scrub);
  return 0;
}

/** Fails the step unless the verdict is ok: after the history was saved and the SARIF uploaded. */
function verdict(): number {
  const value = env.VERDICT ?? "";
  if (value === "ok") return 0;
  const why = value === "drift" ? "drift found: see the job summary" : "the check could not run: see the step `run`";
  print(`::error title=video-logs::${escapeData(why)}`);
  return 1;
}

const STEPS: Record<string, () => number | Promise<number>> = { prepare, run, verdict };

async function main(step: string | undefined): Promise<number> {
  const action = step === undefined ? undefined : STEPS[step];
  if (action === undefined) {
    print(`::error::Unknown step ${escapeData(JSON.stringify(step))}: one of ${Object.keys(STEPS).join(", ")}`);
    return 2;
  }
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    print(`::error title=video-logs::${escapeData(error.message)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv[2]);
