// One comment per pull request, found again by its hidden marker and edited in place on every later run.
import type { GithubApi } from "./github-api.ts";
import { GithubApiError } from "./github-api.ts";

/** GitHub refuses a comment body longer than this. */
export const MAX_COMMENT = 65_536;

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
}

export function commentMarker(mode: string): string {
  return mode === "check" ? "<!-- video-logs -->" : `<!-- video-logs ${mode} -->`;
}

/** The marker, then the Markdown, cut to fit with a pointer to the run's summary, which holds it all. */
export function commentBody(marker: string, markdown: string, runUrl: string): string {
  const body = `${marker}\n${markdown}`;
  if (body.length <= MAX_COMMENT) return body;
  const tail = `\n\n…cut: the [run's summary](${runUrl}) has the whole report.\n`;
  return `${body.slice(0, MAX_COMMENT - tail.length)}${tail}`;
}

/** Creates the comment, or updates the one a previous run left (the first that starts with the marker). */
export async function upsertComment(
  api: GithubApi,
  repository: string,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<string> {
  const comments = await api.list<IssueComment>(`/repos/${repository}/issues/${issueNumber}/comments`);
  const previous = comments.find((comment) => comment.body?.startsWith(marker));
  if (previous) {
    try {
      return (await api.request<IssueComment>("PATCH", `/repos/${repository}/issues/comments/${previous.id}`, { body }))
        .html_url;
    } catch (error) {
      // Someone else's comment with our marker cannot be edited with this token: write our own.
      if (!(error instanceof GithubApiError && (error.status === 403 || error.status === 404))) throw error;
    }
  }
  return (await api.request<IssueComment>("POST", `/repos/${repository}/issues/${issueNumber}/comments`, { body }))
    .html_url;
}
