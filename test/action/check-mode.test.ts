// The action in its default mode, run step by step as GitHub's runner would (test/action/helpers/composite-runner.ts)
// against a stand-in Space with two faults and a stand-in GitHub API: the summary, the annotations, the outputs, and
// one pull-request comment made once and then edited in place.
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_FAULTS } from "../../scripts/sample-reports.ts";
import { assertBuilt, ROOT } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";
import {
  COMMENT_TOKEN,
  jobEnvironment,
  pullRequestEvent,
  REPOSITORY,
  scratchRoot,
} from "./helpers/action-environment.ts";
import { runAction } from "./helpers/composite-runner.ts";
import { type GithubStandIn, startGithubStandIn } from "./helpers/github-stand-in.ts";

/** The two findings of SAMPLE_FAULTS, as annotations on the lines of the spec file the run judged by. */
const ANNOTATIONS = [
  '::error file=openapi.yaml,line=503,col=9,title=video-logs response-schema%3A get_log 404::/error: "No such log" is not one of "Not Found" (seen 1 time; fingerprint 4e5bdbf34e33c398)',
  '::error file=openapi.yaml,line=366,col=9,title=video-logs cross-endpoint-consistency%3A get_log 200::/room_name: "room_name" differs from the item list_logs listed (a field fixed from the start, though the item may still change) (seen 5 times; fingerprint 84d27fa1ada27ade)',
];

describe("the action, mode check", () => {
  let space: LocalServer;
  let github: GithubStandIn;
  const root = scratchRoot();

  beforeAll(async () => {
    assertBuilt();
    space = await startStandInSpace({ faults: SAMPLE_FAULTS });
    github = await startGithubStandIn(REPOSITORY, COMMENT_TOKEN);
  });
  afterAll(async () => {
    await Promise.all([space?.close(), github?.close()]);
    rmSync(root, { recursive: true, force: true });
  });

  const inputs = (more: Record<string, string> = {}) => ({
    "base-url": space.url,
    "project-id": PROJECT_ID,
    "api-token": API_TOKEN,
    comment: COMMENT_TOKEN,
    ...more,
  });
  const job = (event: unknown, eventName = "pull_request") =>
    jobEnvironment(root, { eventName, event, apiUrl: github.url });

  it("writes the Markdown report to the summary, annotates each breaking finding, sets the outputs and fails on drift", async () => {
    const environment = job(pullRequestEvent(7));
    // The team's own copy of the spec, judged with --spec: the annotations point at it.
    copyFileSync(join(ROOT, "openapi/video-logs.openapi.yaml"), join(environment.workspace, "openapi.yaml"));
    const run = await runAction(inputs({ comment: "", spec: "openapi.yaml" }), environment);
    const markdown = readFileSync(run.outputs["markdown-report"]!, "utf8");
    expect(markdown).toMatch(/^### ❌ Video Logs API drift check\n/);
    expect(run.summary).toBe(markdown);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("::error"))).toEqual([
      ...ANNOTATIONS,
      "::error title=video-logs::drift found: see the job summary",
    ]);
    // Each line holds the property its finding names: `error` of the 404 body, `room_name` of Log.
    const lines = readFileSync(join(environment.workspace, "openapi.yaml"), "utf8").split("\n");
    expect(lines[503 - 1]!.slice(9 - 1)).toMatch(/^error:/);
    expect(lines[366 - 1]!.slice(9 - 1)).toMatch(/^room_name:/);
    const temp = join(environment.temp, "video-logs");
    expect(run.outputs).toEqual({
      verdict: "drift",
      breaking: "2",
      additive: "0",
      known: "0",
      new: "0",
      "non-breaking": "",
      informational: "",
      "json-report": join(temp, "video-logs.json"),
      "markdown-report": join(temp, "video-logs.md"),
      "sarif-report": join(temp, "video-logs.sarif"),
      reports: [
        `json=${join(temp, "video-logs.json")}`,
        `markdown=${join(temp, "video-logs.md")}`,
        `sarif=${join(temp, "video-logs.sarif")}`,
      ].join("\n"),
      "comment-url": "",
    });
    expect(run.failed).toBe(true);
    expect(run.steps.map((step) => [step.id, step.ran])).toEqual([
      ["build", false],
      ["prepare", true],
      ["restore-history", false],
      ["run", true],
      ["save-history", false],
      ["upload-sarif", false],
      ["verdict", true],
    ]);
  }, 60_000);

  it("uploads the SARIF report when asked: upload-sarif gets a SARIF 2.1.0 file and a category of its own", async () => {
    const environment = job({}, "schedule");
    const run = await runAction(
      inputs({ comment: "", sarif: "true", reports: "junit=reports/drift.xml" }),
      environment,
    );
    const upload = run.steps.find((step) => step.id === "upload-sarif")!;
    expect(upload.ran).toBe(true);
    expect(upload.with).toEqual({
      sarif_file: join(environment.temp, "video-logs/video-logs.sarif"),
      category: "video-logs-check-drift",
    });
    const sarif = JSON.parse(readFileSync(upload.with!.sarif_file!, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results).toHaveLength(2);
    // The user's own report, beside the action's.
    expect(run.outputs["junit-report"]).toBeUndefined();
    expect(run.outputs.reports!.split("\n")).toContain("junit=reports/drift.xml");
    expect(readFileSync(join(environment.workspace, "reports/drift.xml"), "utf8")).toMatch(/^<\?xml/);
  });

  it("keeps one pull-request comment: made on the first run, edited in place on the second", async () => {
    for (const _ of [1, 2]) {
      const environment = job(pullRequestEvent(12));
      const run = await runAction(inputs(), environment);
      expect(run.outputs["comment-url"]).toBe(`https://github.example/${REPOSITORY}/issues/12#issuecomment-1000`);
    }
    const comments = github.comments.get(12)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^<!-- video-logs -->\n### ❌ Video Logs API drift check\n/);
    expect(
      github.calls
        .filter((call) => call.path.includes("/issues/12") || call.path.includes("/comments/1000"))
        .map((call) => `${call.method} ${call.path}`),
    ).toEqual([
      `GET /repos/${REPOSITORY}/issues/12/comments?per_page=100&page=1`,
      `POST /repos/${REPOSITORY}/issues/12/comments`,
      `GET /repos/${REPOSITORY}/issues/12/comments?per_page=100&page=1`,
      `PATCH /repos/${REPOSITORY}/issues/comments/1000`,
    ]);
  }, 90_000);

  it("writes no comment for a pull request from a fork: the summary says why", async () => {
    const before = github.calls.length;
    const environment = job(pullRequestEvent(13, "someone/video-app"));
    const run = await runAction(inputs(), environment);
    expect(github.calls.length).toBe(before);
    expect(run.outputs["comment-url"]).toBe("");
    expect(run.summary).toMatch(
      /\nNo pull request comment: a pull request from a fork gets a read-only token; this summary is the report\.\n$/,
    );
  });

  it("warns and keeps the verdict when the comment cannot be written: a token GitHub refuses", async () => {
    const environment = job(pullRequestEvent(15));
    const run = await runAction(inputs({ comment: "ghs_revoked" }), environment);
    expect(run.stdout).toContain(
      `::warning title=video-logs::No comment written: GitHub API: GET /repos/${REPOSITORY}/issues/15/comments?per_page=100&page=1 answered 401\n`,
    );
    expect(run.summary).toMatch(/\nNo comment written: GitHub API: GET .* answered 401\.\n$/);
    expect(run.outputs).toMatchObject({ verdict: "drift", breaking: "2", "comment-url": "" });
    expect(github.comments.get(15)).toBeUndefined();
  });

  it("refuses issue: true without a token to write the issue with, before any request", async () => {
    const environment = job({}, "schedule");
    const sent = space.requests.length;
    const run = await runAction(inputs({ comment: "", issue: "true" }), environment);
    expect(space.requests.length).toBe(sent);
    expect(run.stdout).toContain(
      "::error title=video-logs::issue: true needs comment, a token that may write issues (issues: write)\n",
    );
    expect(run.outputs.verdict).toBe("error");
    expect(run.failed).toBe(true);
  });

  it("never writes the API token: not in the summary, the log, the outputs or the comment", async () => {
    const environment = job(pullRequestEvent(14));
    const run = await runAction(inputs(), environment);
    expect(run.stdout.split("\n")[0]).toBe(`::add-mask::${API_TOKEN}`);
    const written = [run.summary, run.stdout.split("\n").slice(1).join("\n"), JSON.stringify(run.outputs)];
    written.push(...(github.comments.get(14) ?? []).map((comment) => comment.body));
    for (const text of written) expect(text).not.toContain(API_TOKEN);
  });
});
