// A stand-in for GitHub's REST API on loopback, holding the issues and comments of one repository: what the action
// reads and writes, each call recorded with its body and whether it carried the expected token.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type LocalServer, sendJson, startLocalServer } from "../../helpers/local-server.ts";

export interface RecordedCall {
  method: string;
  path: string;
  body?: { body?: string; title?: string };
}

export interface Comment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string };
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  html_url: string;
  state: "open" | "closed";
  pull_request?: object;
}

export interface GithubStandIn extends LocalServer {
  calls: RecordedCall[];
  comments: Map<number, Comment[]>;
  issues: Issue[];
}

async function readBody(req: IncomingMessage): Promise<RecordedCall["body"]> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text === "" ? undefined : (JSON.parse(text) as RecordedCall["body"]);
}

/** Answers the calls of `repository` made with `token`; anything else is 401 or 404. */
export async function startGithubStandIn(repository: string, token: string): Promise<GithubStandIn> {
  const calls: RecordedCall[] = [];
  const comments = new Map<number, Comment[]>();
  const issues: Issue[] = [];
  let nextId = 1000;
  const commentUrl = (issue: number, id: number) =>
    `https://github.example/${repository}/issues/${issue}#issuecomment-${id}`;
  type Route = [string, RegExp, (n: number, body: RecordedCall["body"], page: number, res: ServerResponse) => void];
  const routes: Route[] = [
    ["GET", /^\/(\d+)\/comments$/, (n, _, page, res) => sendJson(res, 200, page === 1 ? (comments.get(n) ?? []) : [])],
    [
      "POST",
      /^\/(\d+)\/comments$/,
      (n, body, _, res) => {
        const comment = { id: nextId++, body: body!.body!, html_url: "", user: { login: "github-actions[bot]" } };
        comment.html_url = commentUrl(n, comment.id);
        comments.set(n, [...(comments.get(n) ?? []), comment]);
        sendJson(res, 201, comment);
      },
    ],
    [
      "PATCH",
      /^\/comments\/(\d+)$/,
      (id, body, _, res) => {
        const comment = [...comments.values()].flat().find((each) => each.id === id);
        if (!comment) return sendJson(res, 404, { message: "Not Found" });
        if (comment.user.login !== "github-actions[bot]") return sendJson(res, 403, { message: "Forbidden" });
        comment.body = body!.body!;
        sendJson(res, 200, comment);
      },
    ],
    ["GET", /^$/, (_, __, page, res) => sendJson(res, 200, page === 1 ? issues.filter((i) => i.state === "open") : [])],
    [
      "POST",
      /^$/,
      (_, body, __, res) => {
        const number = issues.length + 1;
        const html_url = `https://github.example/${repository}/issues/${number}`;
        const issue: Issue = { number, title: body!.title!, body: body!.body!, state: "open", html_url };
        issues.push(issue);
        sendJson(res, 201, issue);
      },
    ],
    [
      "PATCH",
      /^\/(\d+)$/,
      (n, body, _, res) => {
        const issue = issues.find((each) => each.number === n);
        if (!issue) return sendJson(res, 404, { message: "Not Found" });
        Object.assign(issue, body);
        sendJson(res, 200, issue);
      },
    ],
  ];
  const server = await startLocalServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const body = await readBody(req);
    calls.push({ method: req.method ?? "", path: `${url.pathname}${url.search}`, ...(body ? { body } : {}) });
    if (req.headers.authorization !== `Bearer ${token}`) return sendJson(res, 401, { message: "Bad credentials" });
    const base = `/repos/${repository}/issues`;
    const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
    const page = Number(url.searchParams.get("page") ?? "1");
    for (const [method, pattern, handle] of routes) {
      const match = req.method === method ? pattern.exec(path) : null;
      if (match) return handle(Number(match[1]), body, page, res);
    }
    return sendJson(res, 404, { message: "Not Found" });
  });
  return Object.assign(server, { calls, comments, issues });
}
