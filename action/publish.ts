// Where the outcome goes besides the log: the pull request's comment, or on a scheduled run the drift issue. A token
// that cannot write (a fork's pull request) leaves the summary alone; a failed call is a warning, not the verdict.
import { openOrUpdateIssue } from "./drift-issue.ts";
import { githubApi } from "./github-api.ts";
import type { GithubContext } from "./github-context.ts";
import type { ActionInputs } from "./inputs.ts";
import type { Outcome } from "./outcome.ts";
import { commentBody, commentMarker, upsertComment } from "./pr-comment.ts";

export interface Published {
  /** The comment or issue written. */
  url?: string;
  /** A line for the summary when nothing was written though a token was given, saying why. */
  note?: string;
}

export async function publish(
  inputs: ActionInputs,
  github: GithubContext,
  outcome: Outcome,
  scrub: (text: string) => string,
): Promise<Published> {
  if (inputs.commentToken === "") return {};
  const api = githubApi(github.apiUrl, inputs.commentToken);
  const markdown = scrub(outcome.markdown);
  const pull = github.pullRequest;
  if (pull?.readOnlyBecause)
    return { note: `No pull request comment: ${pull.readOnlyBecause}; this summary is the report.` };
  if (pull) {
    const marker = commentMarker(inputs.mode);
    return {
      url: await upsertComment(
        api,
        github.repository,
        pull.number,
        marker,
        commentBody(marker, markdown, github.runUrl),
      ),
    };
  }
  const wantsIssue = inputs.issue && inputs.mode === "check" && github.eventName === "schedule";
  if (wantsIssue && outcome.verdict !== "error" && outcome.newDrift > 0) {
    return { url: await openOrUpdateIssue(api, github.repository, markdown, outcome.newDrift, github.runUrl) };
  }
  return {};
}
