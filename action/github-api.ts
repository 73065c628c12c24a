// The few GitHub REST calls the action makes, with fetch, at $GITHUB_API_URL (github.com or a GitHub Enterprise
// Server). A failed call throws with its status and path; the token never appears in a message.

export class GithubApiError extends Error {
  override name = "GithubApiError";
  constructor(
    readonly status: number,
    method: string,
    path: string,
  ) {
    super(`GitHub API: ${method} ${path} answered ${status}`);
  }
}

export interface GithubApi {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Every item of a listing, page by page (at most `maxPages` pages of 100). */
  list<T>(path: string, maxPages?: number): Promise<T[]>;
}

export function githubApi(apiUrl: string, token: string, fetchImpl: typeof fetch = fetch): GithubApi {
  const headers = {
    accept: "application/vnd.github+json",
    authorization: `Bearer ${token}`,
    "x-github-api-version": "2022-11-28",
    "user-agent": "signalwire-video-logs-action",
  };
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetchImpl(`${apiUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new GithubApiError(response.status, method, path);
    return response;
  };
  return {
    async request<T>(method: string, path: string, body?: unknown) {
      return (await (await send(method, path, body)).json()) as T;
    },
    async list<T>(path: string, maxPages = 10) {
      const items: T[] = [];
      for (let page = 1; page <= maxPages; page++) {
        const separator = path.includes("?") ? "&" : "?";
        const batch = (await (await send("GET", `${path}${separator}per_page=100&page=${page}`)).json()) as T[];
        items.push(...batch);
        if (batch.length < 100) break;
      }
      return items;
    },
  };
}
