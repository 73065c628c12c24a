// The action in mode diff, for a pull request that changes the spec: the changed document against the one before,
// with the same summary, annotations, outputs and comment as a check, and diff-fail-on apart from fail-on.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { assertBuilt } from "../helpers/cli.ts";
import {
  COMMENT_TOKEN,
  jobEnvironment,
  pullRequestEvent,
  REPOSITORY,
  scratchRoot,
} from "./helpers/action-environment.ts";
import { runAction } from "./helpers/composite-runner.ts";
import { type GithubStandIn, startGithubStandIn } from "./helpers/github-stand-in.ts";

/** Our spec with an optional `region` (non-breaking) and, unless told not to, `charge` as a string (breaking). */
function changedSpec({ chargeAsString = true } = {}): string {
  const doc = loadSpec() as unknown as { components: { schemas: { Log: { properties: Record<string, unknown> } } } };
  if (chargeAsString) doc.components.schemas.Log.properties.charge = { type: "string", description: "now a string" };
  doc.components.schemas.Log.properties.region = { type: "string" };
  return stringify(doc);
}

describe("the action, mode diff", () => {
  let github: GithubStandIn;
  const root = scratchRoot();

  beforeAll(async () => {
    assertBuilt();
    github = await startGithubStandIn(REPOSITORY, COMMENT_TOKEN);
  });
  afterAll(async () => {
    await github?.close();
    rmSync(root, { recursive: true, force: true });
  });

  function job(number: number) {
    const environment = jobEnvironment(root, {
      eventName: "pull_request",
      event: pullRequestEvent(number),
      apiUrl: github.url,
    });
    writeFileSync(join(environment.workspace, "base.yaml"), stringify(loadSpec()));
    writeFileSync(join(environment.workspace, "openapi.yaml"), changedSpec());
    return environment;
  }
  const inputs = { mode: "diff", spec: "openapi.yaml", "base-spec": "base.yaml", comment: COMMENT_TOKEN };

  it("annotates the breaking change as an error and the non-breaking one as a warning, comments, and fails", async () => {
    const environment = job(21);
    const run = await runAction(inputs, environment);
    const temp = join(environment.temp, "video-logs");
    expect(run.outputs).toEqual({
      verdict: "drift",
      breaking: "1",
      additive: "",
      known: "",
      new: "",
      "non-breaking": "1",
      informational: "0",
      "json-report": join(temp, "video-logs.json"),
      "markdown-report": join(temp, "video-logs.md"),
      "sarif-report": join(temp, "video-logs.sarif"),
      reports: [
        `json=${join(temp, "video-logs.json")}`,
        `markdown=${join(temp, "video-logs.md")}`,
        `sarif=${join(temp, "video-logs.sarif")}`,
      ].join("\n"),
      "comment-url": `https://github.example/${REPOSITORY}/issues/21#issuecomment-1000`,
    });
    expect(run.stdout.split("\n").filter((line) => /^::(error|warning)/.test(line))).toEqual([
      '::error file=openapi.yaml,line=407,col=9,title=video-logs diff breaking%3A type-changed::Response 200 body field "data[].charge" type changed from number to string (in GET /api/video/logs; also GET /api/video/logs/{id} response 200 body field "charge") (ours: /components/schemas/Log/properties/charge; theirs: /components/schemas/Log/properties/charge)',
      '::warning file=openapi.yaml,line=419,col=9,title=video-logs diff non-breaking%3A optional-property-added::Response 200 body field "data[].region" was added (optional) (in GET /api/video/logs; also GET /api/video/logs/{id} response 200 body field "region") (ours: absent; theirs: /components/schemas/Log/properties/region)',
      "::error title=video-logs::drift found: see the job summary",
    ]);
    // Each line of the changed spec holds the property its change names.
    const lines = readFileSync(join(environment.workspace, "openapi.yaml"), "utf8").split("\n");
    expect(lines[407 - 1]!.slice(9 - 1)).toMatch(/^charge:/);
    expect(lines[419 - 1]!.slice(9 - 1)).toMatch(/^region:/);
    expect(run.summary).toMatch(/^## Spec diff\n/);
    expect(github.comments.get(21)?.map((comment) => comment.body.split("\n")[0])).toEqual([
      "<!-- video-logs diff -->",
    ]);
    expect(run.failed).toBe(true);
  });

  it("passes on non-breaking changes only with diff-fail-on breaking, and fails with non-breaking", async () => {
    const lenient = await runAction({ ...inputs, comment: "", "diff-fail-on": "breaking" }, job(22));
    expect(lenient.outputs.verdict).toBe("drift");
    const environment = job(23);
    writeFileSync(join(environment.workspace, "openapi.yaml"), changedSpec({ chargeAsString: false }));
    const onlyAdded = await runAction({ ...inputs, comment: "", "diff-fail-on": "breaking" }, environment);
    expect(onlyAdded.outputs).toMatchObject({ verdict: "ok", breaking: "0", "non-breaking": "1" });
    expect(onlyAdded.failed).toBe(false);
    const strict = await runAction({ ...inputs, comment: "", "diff-fail-on": "non-breaking" }, environment);
    expect(strict.outputs).toMatchObject({ verdict: "drift", breaking: "0", "non-breaking": "1" });
  }, 90_000);

  it("ends with verdict error and the command's message when base-spec is missing", async () => {
    const environment = job(24);
    const run = await runAction({ ...inputs, "base-spec": "" }, environment);
    expect(run.outputs.verdict).toBe("error");
    expect(run.stdout).toContain(
      "::error title=video-logs::mode: diff needs both spec (the changed document) and base-spec (the one before)",
    );
    expect(run.failed).toBe(true);
  });
});
