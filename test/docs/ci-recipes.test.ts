// The CI recipes of docs/ci.md: the GitHub Actions and GitLab CI examples have the structure the guide promises, and
// every `video-logs` command in them (and in the guide's shell blocks) runs with the built CLI, every flag known, every
// report written.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SAMPLE_FAULTS } from "../../scripts/sample-reports.ts";
import { assertBuilt, runBin } from "../helpers/cli.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GITHUB = join(ROOT, "docs/examples/github-actions/video-logs-drift.yml");
const GITLAB = join(ROOT, "docs/examples/gitlab-ci/video-logs-drift.gitlab-ci.yml");
const GUIDE = join(ROOT, "docs/ci.md");

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  "continue-on-error"?: unknown;
};
type GithubWorkflow = {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  jobs: Record<string, { env?: Record<string, string>; steps: Step[]; "continue-on-error"?: unknown }>;
};
type GitlabJob = {
  rules?: { if?: string }[];
  script?: string[];
  extends?: string;
  artifacts?: { when?: string; reports?: { junit?: string; codequality?: string } };
};

const github = parse(readFileSync(GITHUB, "utf8")) as GithubWorkflow;
const gitlab = parse(readFileSync(GITLAB, "utf8")) as Record<string, GitlabJob>;

/** Splits a shell line into words: plain words and single- or double-quoted ones, which is all the recipes use. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** The arguments of every `video-logs` command in some text, up to the end of its line (or a `#` comment). */
function videoLogsCommands(text: string): string[][] {
  return [...text.matchAll(/(?:^|\s)(?:npx\s+)?video-logs\s+([^\n#]*)/g)].map((match) => shellWords(match[1]!.trim()));
}

/** The `--report FORMAT=FILE` targets of a command. */
function reportFiles(args: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  args.forEach((arg, i) => {
    if (arg === "--report") {
      const [format, file] = args[i + 1]!.split("=");
      files[format!] = file!;
    }
  });
  return files;
}

const githubSteps = Object.values(github.jobs).flatMap((job) => job.steps);
const githubCommands = githubSteps.flatMap((step) => videoLogsCommands(step.run ?? ""));
const gitlabCommands = Object.values(gitlab).flatMap((job) =>
  (job.script ?? []).flatMap((line) => videoLogsCommands(line)),
);
const guideCommands = [...readFileSync(GUIDE, "utf8").matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
  videoLogsCommands(block[1]!),
);

function runIn(cwd: string, args: string[], env: Record<string, string>) {
  return runBin(args, env, { cwd, timeoutMs: 60_000 });
}

describe("the GitHub Actions example", () => {
  it("runs nightly on a schedule and by hand", () => {
    expect(github.on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(github.on).toHaveProperty("workflow_dispatch");
  });

  it("takes the Space and the credentials from secrets, as environment variables", () => {
    for (const job of Object.values(github.jobs)) {
      for (const name of ["SIGNALWIRE_SPACE", "SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN"]) {
        expect(job.env?.[name]).toBe(`\${{ secrets.${name} }}`);
      }
    }
  });

  it("appends the markdown report to the job summary and uploads the JUnit report, even when the check failed", () => {
    const markdown = new Set(githubCommands.map((args) => reportFiles(args).markdown));
    const junit = new Set(githubCommands.map((args) => reportFiles(args).junit));
    expect(markdown.size).toBe(1);
    expect(junit.size).toBe(1);
    const summary = githubSteps.find((step) => step.run?.includes("$GITHUB_STEP_SUMMARY"));
    expect(summary?.if).toBe("always()");
    expect(summary?.run).toContain(`cat ${[...markdown][0]} >> "$GITHUB_STEP_SUMMARY"`);
    const upload = githubSteps.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.if).toBe("always()");
    expect(String(upload?.with?.path).split("\n")).toContain([...junit][0]);
  });

  it("fails the job on the check's exit code: no step or job swallows it", () => {
    expect(githubSteps.some((step) => step["continue-on-error"] !== undefined)).toBe(false);
    expect(Object.values(github.jobs).some((job) => job["continue-on-error"] !== undefined)).toBe(false);
    expect(githubCommands.some((args) => args.includes("--strict"))).toBe(true);
    expect(githubCommands.some((args) => !args.includes("--strict"))).toBe(true);
  });
});

describe("the GitLab CI example", () => {
  it("runs on a schedule, and by hand from the web", () => {
    const rules = Object.values(gitlab)
      .flatMap((job) => job.rules ?? [])
      .map((rule) => rule.if ?? "");
    expect(rules.some((rule) => rule.includes('$CI_PIPELINE_SOURCE == "schedule"'))).toBe(true);
    expect(rules.some((rule) => rule.includes('$CI_PIPELINE_SOURCE == "web"'))).toBe(true);
  });

  it("keeps the JUnit report as a test report whether the job passed or failed", () => {
    const base = gitlab["video-logs-drift"]!;
    expect(base.artifacts?.when).toBe("always");
    for (const args of gitlabCommands) expect(reportFiles(args).junit).toBe(base.artifacts?.reports?.junit);
    expect(gitlabCommands.some((args) => args.includes("--strict"))).toBe(true);
  });

  it("keeps the Code Quality report as a codequality report", () => {
    const base = gitlab["video-logs-drift"]!;
    expect(base.artifacts?.reports?.codequality).toBe("gl-code-quality.json");
    for (const args of gitlabCommands) expect(reportFiles(args).gitlab).toBe(base.artifacts?.reports?.codequality);
  });
});

describe("every video-logs command of the recipes", () => {
  let space: LocalServer;
  const work = mkdtempSync(join(tmpdir(), "video-logs-ci-"));
  const commands = [...githubCommands, ...gitlabCommands, ...guideCommands];

  beforeAll(async () => {
    assertBuilt();
    // A Space with drift, so the run goes the way a failing night does: exit 1 and every report written.
    space = await startStandInSpace({ faults: SAMPLE_FAULTS });
    // The guide's known-drift file: an earlier JSON report.
    copyFileSync(join(ROOT, "docs/examples/reports/drift.json"), join(work, "known-drift.json"));
  });
  afterAll(async () => {
    await space?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("is found: the examples hold four, the guide some more", () => {
    expect(githubCommands).toHaveLength(2);
    expect(gitlabCommands).toHaveLength(2);
    expect(guideCommands.length).toBeGreaterThan(0);
  });

  it("runs with the built CLI against a stand-in Space: every flag exists, and every report is written", async () => {
    for (const args of commands) {
      const cwd = mkdtempSync(join(work, "run-"));
      copyFileSync(join(work, "known-drift.json"), join(cwd, "known-drift.json"));
      // The guide's patched spec (`--spec patched.yaml`): ours stands in for one a proposal changed.
      copyFileSync(join(ROOT, "openapi/video-logs.openapi.yaml"), join(cwd, "patched.yaml"));
      // The Space of the secrets becomes the stand-in: --base-url wins over SIGNALWIRE_SPACE.
      const isCheck = args[0] === "check";
      const run = await runIn(cwd, isCheck ? [...args, "--base-url", space.url] : args, {
        SIGNALWIRE_SPACE: "example",
        SIGNALWIRE_PROJECT_ID: PROJECT_ID,
        SIGNALWIRE_API_TOKEN: API_TOKEN,
      });
      expect(run.stderr, args.join(" ")).not.toMatch(/Unknown option|--help` for usage/);
      expect(run.code, `${args.join(" ")}\n${run.stderr}`).not.toBe(2);
      for (const file of Object.values(reportFiles(args)))
        expect(existsSync(join(cwd, file)), `${args.join(" ")} wrote ${file}`).toBe(true);
      if (isCheck) expect(run.code, args.join(" ")).toBe(args.includes("--baseline") ? 0 : 1);
    }
  }, 120_000);
});
