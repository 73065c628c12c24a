// What the run knows of GitHub: its environment variables and the event payload ($GITHUB_EVENT_PATH).
import { readFileSync } from "node:fs";
import { ActionInputError } from "./action-error.ts";

export interface PullRequestContext {
  number: number;
  /** Why a comment cannot be written (a fork's pull request gets a read-only token), or undefined when it can. */
  readOnlyBecause?: string;
}

export interface GithubContext {
  eventName: string;
  /** owner/name */
  repository: string;
  apiUrl: string;
  runUrl: string;
  workspace: string;
  runnerTemp: string;
  outputFile: string;
  summaryFile: string;
  pullRequest?: PullRequestContext;
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ActionInputError(`${name} is not set: run this inside a GitHub Actions step`);
  return value;
}

interface PullRequestPayload {
  number?: number;
  head?: { repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } };
}

/** The pull request of a pull_request(_target) event, and whether its token may write. */
function pullRequestOf(eventName: string, payload: { pull_request?: PullRequestPayload }, env: Env) {
  const pull = payload.pull_request;
  if (!pull || typeof pull.number !== "number") return undefined;
  const head = pull.head?.repo?.full_name;
  const base = pull.base?.repo?.full_name;
  let readOnlyBecause: string | undefined;
  // pull_request_target runs in the base repository with its token; pull_request from a fork gets a read-only one.
  if (eventName === "pull_request" && head !== base)
    readOnlyBecause = "a pull request from a fork gets a read-only token";
  else if (eventName === "pull_request" && env.GITHUB_ACTOR === "dependabot[bot]")
    readOnlyBecause = "Dependabot's pull requests get a read-only token";
  return { number: pull.number, readOnlyBecause };
}

export function readGithubContext(env: Env): GithubContext {
  const eventName = required(env, "GITHUB_EVENT_NAME");
  const eventPath = env.GITHUB_EVENT_PATH;
  const payload = eventPath ? (JSON.parse(readFileSync(eventPath, "utf8")) as Record<string, never>) : {};
  const repository = required(env, "GITHUB_REPOSITORY");
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  return {
    eventName,
    repository,
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    runUrl: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ""}`,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: required(env, "RUNNER_TEMP"),
    outputFile: required(env, "GITHUB_OUTPUT"),
    summaryFile: required(env, "GITHUB_STEP_SUMMARY"),
    pullRequest: pullRequestOf(eventName, payload, env),
  };
}
