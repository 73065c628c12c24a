// mode: diff — `video-logs diff SPEC --ours BASE_SPEC`, for a pull request that changes the spec: one run per report
// format, the JSON one read back for the counts and the annotations.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Difference, DiffReport } from "../src/diff/diff-documents.ts";
import type { GithubContext } from "./github-context.ts";
import type { ActionInputs } from "./inputs.ts";
import { type AnnotatedFinding, type Outcome, verdictOf } from "./outcome.ts";
import { makeReportFolders, reportPaths } from "./report-paths.ts";
import { failedOutcome, resolveIn, writtenReports } from "./run-check.ts";
import { runCli } from "./run-cli.ts";

/** A change as the sarif branch's `diff` names it: with a fingerprint per change. */
type FingerprintedDifference = Difference & { fingerprint?: string };

const LEVELS: Record<string, AnnotatedFinding["level"] | undefined> = { breaking: "error", "non-breaking": "warning" };

export function diffArgs(inputs: ActionInputs, format: string, file: string): string[] {
  return [
    "diff",
    inputs.spec,
    "--ours",
    inputs.baseSpec,
    "--fail-on",
    inputs.diffFailOn,
    "--format",
    format,
    "--out",
    file,
  ];
}

function changesToAnnotate(report: DiffReport): AnnotatedFinding[] {
  return (report.differences as FingerprintedDifference[]).flatMap((difference) => {
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
  const reports = reportPaths(inputs.reports, inputs.sarif ? ["json", "markdown", "sarif"] : ["json", "markdown"], dir);
  makeReportFolders(github.workspace, reports);
  // The JSON report first: its exit code is the verdict, and a document that cannot be read stops there.
  const formats = ["json", ...Object.keys(reports).filter((format) => format !== "json")];
  let code = 0;
  for (const format of formats) {
    const run = await runCli(diffArgs(inputs, format, reports[format]!), github.workspace, process.env);
    if (verdictOf(run.code) === "error") return failedOutcome(run.stderr);
    if (format === "json") code = run.code;
  }
  const report = JSON.parse(readFileSync(resolveIn(github.workspace, reports.json!), "utf8")) as DiffReport;
  return {
    verdict: verdictOf(code),
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
