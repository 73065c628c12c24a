// The history across runs (restored and saved around the check by actions/cache, played here by a folder) and the
// drift issue of scheduled runs: opened by the first new drift, left alone by recurring drift, updated by new drift;
// a pull request's run reads the history and never saves it.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { type Fault, startStandInSpace } from "../helpers/stand-in-space.ts";
import {
  COMMENT_TOKEN,
  jobEnvironment,
  pullRequestEvent,
  REPOSITORY,
  scratchRoot,
} from "./helpers/action-environment.ts";
import { type ActionRun, runAction } from "./helpers/composite-runner.ts";
import { type GithubStandIn, startGithubStandIn } from "./helpers/github-stand-in.ts";

const SCHEDULE = { schedule: "17 3 * * *" };

describe("the action's history and drift issue", () => {
  let github: GithubStandIn;
  const root = scratchRoot();
  let runId = 500;

  beforeAll(async () => {
    assertBuilt();
    github = await startGithubStandIn(REPOSITORY, COMMENT_TOKEN);
  });
  afterAll(async () => {
    await github?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** One run of the action against a Space with these faults; the runs share the cache folder. */
  async function runWith(faults: Fault[], eventName: string, event: unknown): Promise<ActionRun> {
    const space: LocalServer = await startStandInSpace({ faults });
    try {
      const environment = jobEnvironment(root, { eventName, event, apiUrl: github.url, runId: runId++ });
      const inputs = {
        "base-url": space.url,
        "project-id": PROJECT_ID,
        "api-token": API_TOKEN,
        history: ".video-logs/history.json",
        "fail-on": "new",
        comment: COMMENT_TOKEN,
        issue: "true",
      };
      const run = await runAction(inputs, environment);
      expect(run.steps.find((step) => step.id === "run")?.code, run.steps.at(-1)?.stderr).toBe(0);
      return run;
    } finally {
      await space.close();
    }
  }

  const step = (run: ActionRun, id: string) => run.steps.find((each) => each.id === id)!;

  it("opens one issue on new drift, leaves it on recurring drift, updates it on new drift; a pull request never saves the history", async () => {
    const first = await runWith(["wrong-404-body"], "schedule", SCHEDULE);
    expect(first.outputs).toMatchObject({ verdict: "drift", breaking: "1", new: "1" });
    expect(step(first, "restore-history").outputs).toEqual({ "cache-hit": "false" });
    expect(step(first, "save-history").ran).toBe(true);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ number: 1, title: "Video Logs API drift", state: "open" });
    expect(github.issues[0]!.body).toMatch(/^<!-- video-logs issue -->\n### ❌ Video Logs API drift check\n/);
    expect(first.outputs["comment-url"]).toBe(`https://github.example/${REPOSITORY}/issues/1`);

    // The same drift the next night: recurring, not new, so the run passes with --fail-on new and the issue is left.
    const second = await runWith(["wrong-404-body"], "schedule", SCHEDULE);
    expect(step(second, "restore-history").outputs["cache-matched-key"]).toBe(step(first, "save-history").with!.key);
    expect(second.outputs).toMatchObject({ verdict: "ok", breaking: "1", new: "0", "comment-url": "" });
    const callsAfterSecond = github.calls.length;
    expect(github.calls.filter((call) => call.method !== "GET")).toHaveLength(1);

    // A pull request's run reads the newest history and saves nothing.
    const pull = await runWith(["wrong-404-body"], "pull_request", pullRequestEvent(3));
    expect(step(pull, "restore-history").outputs["cache-matched-key"]).toBe(step(second, "save-history").with!.key);
    expect(step(pull, "save-history").ran).toBe(false);
    expect(pull.outputs).toMatchObject({ verdict: "ok", new: "0" });
    expect(github.issues).toHaveLength(1);

    // New drift on a later night: the issue's description becomes the new report, and a comment says so.
    const third = await runWith(["wrong-404-body", "charge-as-string"], "schedule", SCHEDULE);
    expect(step(third, "restore-history").outputs["cache-matched-key"]).toBe(step(second, "save-history").with!.key);
    // charge sent as a string: two new findings, one per operation that answers a log.
    expect(third.outputs).toMatchObject({ verdict: "drift", breaking: "3", new: "2" });
    expect(github.issues).toHaveLength(1);
    const writes = github.calls
      .slice(callsAfterSecond)
      .filter((call) => call.method !== "GET" && call.path.includes("/issues/1"));
    expect(writes.map((call) => `${call.method} ${call.path}`)).toEqual([
      `PATCH /repos/${REPOSITORY}/issues/1`,
      `POST /repos/${REPOSITORY}/issues/1/comments`,
    ]);
    expect(writes[1]!.body).toEqual({
      body: `2 new or regressed findings in [this run](https://github.example/${REPOSITORY}/actions/runs/${runId - 1}); the issue's description is the latest report.`,
    });
    expect(github.issues[0]!.body).toContain("charge");
  }, 180_000);

  it("gives actions/cache well-formed inputs: a path that exists after the run, a key per run, the restore key its prefix", async () => {
    const run = await runWith([], "schedule", SCHEDULE);
    const restore = step(run, "restore-history");
    const save = step(run, "save-history");
    expect(restore.uses).toMatch(/^actions\/cache\/restore@v\d+$/);
    expect(save.uses).toMatch(/^actions\/cache\/save@v\d+$/);
    expect(restore.with!.path).toBe(".video-logs/history.json");
    expect(save.with!.path).toBe(restore.with!.path);
    expect(save.with!.key).toBe(restore.with!.key);
    // A cache key is at most 512 characters and holds no comma; ours name the job, the file and the run.
    expect(save.with!.key).toMatch(/^video-logs-history-drift-[0-9a-f]{12}-\d+-1$/);
    expect(save.with!.key!.startsWith(restore.with!["restore-keys"]!)).toBe(true);
    expect(existsSync(join(root, "cache", encodeURIComponent(save.with!.key!)))).toBe(true);
  });
});
