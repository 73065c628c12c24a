// The `prepare` step: what the cache steps around the run are given. The history is restored from the newest cache
// whose key starts with the restore key, and saved under a key of its own per run (a cache entry is never
// overwritten), but never from a pull request's run, whose history would then be read by the next scheduled one.
import { createHash } from "node:crypto";

export interface PreparedCache {
  "history-path": string;
  "history-key": string;
  "history-restore-key": string;
  "history-save": "true" | "false";
  "sarif-category": string;
}

type Env = Record<string, string | undefined>;

/** Letters, digits, `.`, `_` and `-` only: a cache key may not hold a comma, and stays readable. */
function keyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100);
}

export function prepareCache(env: Env): PreparedCache {
  const history = (env.INPUT_HISTORY ?? "").trim();
  const mode = (env.INPUT_MODE ?? "").trim() || "check";
  const job = keyPart(env.GITHUB_JOB ?? "job");
  // Two jobs, or two history files of one job, keep two histories.
  const file = createHash("sha256").update(history).digest("hex").slice(0, 12);
  const prefix = `video-logs-history-${job}-${file}-`;
  const isPullRequest = (env.GITHUB_EVENT_NAME ?? "").startsWith("pull_request");
  return {
    "history-path": history,
    "history-key":
      history === "" ? "" : `${prefix}${keyPart(env.GITHUB_RUN_ID ?? "0")}-${keyPart(env.GITHUB_RUN_ATTEMPT ?? "1")}`,
    "history-restore-key": history === "" ? "" : prefix,
    "history-save": history !== "" && !isPullRequest ? "true" : "false",
    "sarif-category": `video-logs-${keyPart(mode)}-${job}`,
  };
}
