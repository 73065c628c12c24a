// On a scheduled run there is no pull request: with `issue: true`, new or regressed drift opens one issue, or
// updates the one already open (found by its hidden marker) and comments on it, so its subscribers hear of it.
import type { GithubApi } from "./github-api.ts";
import { commentBody } from "./pr-comment.ts";

export const ISSUE_MARKER = "<!-- video-logs issue -->";
export const ISSUE_TITLE = "Video Logs API drift";

interface Issue {
  number: number;
  body?: string | null;
  html_url: string;
  pull_request?: unknown;
}

export async function openOrUpdateIssue(
  api: GithubApi,
  repository: string,
  markdown: string,
  newDrift: number,
  runUrl: string,
): Promise<string> {
  const body = commentBody(ISSUE_MARKER, markdown, runUrl);
  const open = await api.list<Issue>(`/repos/${repository}/issues?state=open`);
  const existing = open.find((issue) => issue.pull_request === undefined && issue.body?.startsWith(ISSUE_MARKER));
  if (existing === undefined) {
    return (await api.request<Issue>("POST", `/repos/${repository}/issues`, { title: ISSUE_TITLE, body })).html_url;
  }
  await api.request("PATCH", `/repos/${repository}/issues/${existing.number}`, { body });
  const note = `${newDrift} new or regressed finding${newDrift === 1 ? "" : "s"} in [this run](${runUrl}); the issue's description is the latest report.`;
  await api.request("POST", `/repos/${repository}/issues/${existing.number}/comments`, { body: note });
  return existing.html_url;
}
