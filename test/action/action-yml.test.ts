// action.yml itself: valid for GitHub (@action-validator/cli checks it against the action schema), its inputs and
// outputs in kebab-case and each one used, and the third-party actions it calls pinned to a major version.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.ts";
import { ACTION } from "./helpers/composite-runner.ts";

const KEBAB = /^[a-z]+(-[a-z]+)*$/;

describe("action.yml", () => {
  it("is a valid action for @action-validator/cli", () => {
    const run = spawnSync(join(ROOT, "node_modules/.bin/action-validator"), [join(ROOT, "action.yml")], {
      encoding: "utf8",
    });
    expect(run.stderr + run.stdout).toBe("");
    expect(run.status).toBe(0);
  });

  it("is a composite action whose inputs and outputs are kebab-case, each input passed to a step", () => {
    expect(ACTION.runs.using).toBe("composite");
    const text = JSON.stringify(ACTION.runs.steps);
    for (const name of Object.keys(ACTION.inputs)) {
      expect(name).toMatch(KEBAB);
      expect(text, name).toContain(`inputs.${name} }}`);
    }
    for (const name of Object.keys(ACTION.outputs)) expect(name).toMatch(KEBAB);
    expect(Object.keys(ACTION.outputs)).toEqual(
      expect.arrayContaining(["verdict", "breaking", "json-report", "sarif-report"]),
    );
  });

  it("builds the package from its own checkout before any step runs it", () => {
    const [build, ...rest] = ACTION.runs.steps;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax, not a template
    expect(build).toMatchObject({ id: "build", "working-directory": "${{ github.action_path }}" });
    expect(build!.run).toBe("npm ci --no-audit --no-fund && npm run build");
    for (const step of rest.filter((each) => each.run !== undefined))
      expect(step.run).toMatch(/^node "\$GITHUB_ACTION_PATH\/dist\/action\/main\.js" (prepare|run|verdict)$/);
  });

  it("calls actions/cache and upload-sarif by a major version tag", () => {
    const uses = ACTION.runs.steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses).toEqual(["actions/cache/restore@v4", "actions/cache/save@v4", "github/codeql-action/upload-sarif@v3"]);
  });
});
