// A job's surroundings for runAction: a workspace and a runner temp folder of their own, the event payload, and the
// GITHUB_* variables pointing at the stand-in GitHub API.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GithubEnvironment } from "./composite-runner.ts";

export const REPOSITORY = "acme/video-app";
export const COMMENT_TOKEN = "ghs_stand-in-comment-token";

export const pullRequestEvent = (number: number, headRepository = REPOSITORY) => ({
  pull_request: { number, head: { repo: { full_name: headRepository } }, base: { repo: { full_name: REPOSITORY } } },
});

/** A fresh job folder under `root`; runs of one test share `cacheDir` as the jobs of one repository share a cache. */
export function jobEnvironment(
  root: string,
  { eventName, event, apiUrl, runId = 101 }: { eventName: string; event: unknown; apiUrl: string; runId?: number },
): GithubEnvironment {
  const job = mkdtempSync(join(root, "job-"));
  const workspace = join(job, "workspace");
  mkdirSync(workspace);
  return {
    workspace,
    temp: join(job, "runner-temp"),
    eventName,
    event,
    cacheDir: join(root, "cache"),
    env: {
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: "https://github.example",
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_JOB: "drift",
    },
  };
}

export const scratchRoot = () => mkdtempSync(join(tmpdir(), "video-logs-action-"));
