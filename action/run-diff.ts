// mode: diff — `video-logs diff SPEC --ours BASE_SPEC`, for a pull request that changes the spec: one run writes every
// report, the JSON one read back for the counts and the annotations, the SARIF one for their lines in SPEC.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DiffReport } from "../src/diff/diff-documents.ts";
import type { GithubContext } from "./github-context.ts";
import type { ActionInputs } from "./inputs.ts";
import { type AnnotatedFinding, type Outcome, verdictOf } from "./outcome.ts";
import { makeReportFolders, reportFlags, reportPaths } from "./report-paths.ts";
import { failedOutcome, resolveIn, writtenReports } from "./run-check.ts";
import { runCli } from "./run-cli.ts";

const LEVELS: Record<string, AnnotatedFinding["level"] | undefined> = { breaking: "error", "non-breaking": "warning" };

export function diffArgs(inputs: ActionInputs, reports: Record<string, string>): string[] {
  return ["diff", inputs.spec, "--ours", inputs.baseSpec, "--fail-on", inputs.diffFailOn, ...reportFlags(reports)];
}

function changesToAnnotate(report: DiffReport): AnnotatedFinding[] {
  return report.differences.flatMap((difference) => {
    const level = LEVELS[difference.level];
    if (level === undefined) return [];
    return [
      {
        fingerprint: difference.fingerprint,
        level,
        title: `video-logs diff ${difference.level}: ${difference.kind}${difference.operation ? ` ${difference.operation}` : ""}`,
        message: `${difference.message} (ours: ${difference.ours ?? "absent"}; theirs: ${difference.theirs ?? "absent"})`,
      },
    ];
  });
}

export async function runDiff(inputs: ActionInputs, github: GithubContext): Promise<Outcome> {
  const dir = join(github.runnerTemp, "video-logs");
  // SARIF always: its locations put the annotations on the changed spec's lines, uploaded or not.
  const reports = reportPaths(inputs.reports, ["json", "markdown", "sarif"], dir);
  makeReportFolders(github.workspace, reports);
  const run = await runCli(diffArgs(inputs, reports), github.workspace, process.env);
  if (verdictOf(run.code) === "error") return failedOutcome(run.stderr);
  const report = JSON.parse(readFileSync(resolveIn(github.workspace, reports.json!), "utf8")) as DiffReport;
  return {
    verdict: verdictOf(run.code),
    counts: {
      breaking: report.summary.breaking,
      "non-breaking": report.summary.nonBreaking,
      informational: report.summary.informational,
    },
    reports: writtenReports(github.workspace, reports),
    markdown: readFileSync(resolveIn(github.workspace, reports.markdown!), "utf8"),
    findings: changesToAnnotate(report),
    defaultFile: inputs.spec,
    newDrift: 0,
  };
}
