// mode: check — `video-logs check` against the Space, its JSON report read back for the counts and the annotations.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import type { DriftReport } from "../src/report/report-types.ts";
import type { GithubContext } from "./github-context.ts";
import type { ActionInputs } from "./inputs.ts";
import type { AnnotatedFinding, Outcome } from "./outcome.ts";
import { verdictOf } from "./outcome.ts";
import { makeReportFolders, reportFlags, reportPaths } from "./report-paths.ts";
import { runCli } from "./run-cli.ts";

/** The finding states that count as new drift. */
const NEW_STATES = new Set(["new", "regressed"]);

export function checkArgs(inputs: ActionInputs, reports: Record<string, string>): string[] {
  const flag = (name: string, value: string) => (value === "" ? [] : [`--${name}`, value]);
  return [
    "check",
    ...flag("space", inputs.space),
    ...flag("base-url", inputs.baseUrl),
    ...flag("spec", inputs.spec),
    ...flag("baseline", inputs.baseline),
    ...flag("history", inputs.history),
    ...(inputs.history === "" && inputs.failOn === "breaking" ? [] : ["--fail-on", inputs.failOn]),
    ...(inputs.strict ? ["--strict"] : []),
    ...flag("min-coverage", inputs.minCoverage),
    ...reportFlags(reports),
  ];
}

function findingsToAnnotate(report: DriftReport): AnnotatedFinding[] {
  return report.findings
    .filter((finding) => !finding.known)
    .map((finding) => ({
      fingerprint: finding.fingerprint,
      level: finding.severity === "breaking" ? "error" : "warning",
      title: `video-logs ${finding.check}: ${finding.operation}${finding.status === undefined || finding.status === null ? "" : ` ${finding.status}`}`,
      message: `${finding.pointer || "/"}: ${finding.example.message} (seen ${finding.count} time${finding.count === 1 ? "" : "s"}; fingerprint ${finding.fingerprint})`,
    }));
}

function newDrift(report: DriftReport): number {
  const failing = report.findings.filter(
    (finding) => !finding.known && (finding.severity === "breaking" || report.strict),
  );
  if (report.history === undefined) return failing.length;
  return failing.filter((finding) => finding.history !== undefined && NEW_STATES.has(finding.history.state)).length;
}

export async function runCheck(inputs: ActionInputs, github: GithubContext): Promise<Outcome> {
  const dir = join(github.runnerTemp, "video-logs");
  // SARIF always: its locations put the annotations on the spec's lines, uploaded or not.
  const reports = reportPaths(inputs.reports, ["json", "markdown", "sarif"], dir);
  makeReportFolders(github.workspace, reports);
  const env = {
    ...process.env,
    SIGNALWIRE_PROJECT_ID: inputs.projectId || process.env.SIGNALWIRE_PROJECT_ID,
    SIGNALWIRE_API_TOKEN: inputs.apiToken || process.env.SIGNALWIRE_API_TOKEN,
  };
  // A history not restored yet (the first run) is created by the check, but its folder must exist.
  if (inputs.history !== "") mkdirSync(dirname(resolveIn(github.workspace, inputs.history)), { recursive: true });
  const run = await runCli(checkArgs(inputs, reports), github.workspace, env);
  const verdict = verdictOf(run.code);
  const jsonPath = resolveIn(github.workspace, reports.json!);
  if (verdict === "error" || !existsSync(jsonPath)) return failedOutcome(run.stderr);
  const report = JSON.parse(readFileSync(jsonPath, "utf8")) as DriftReport;
  return {
    verdict,
    counts: {
      breaking: report.summary.breaking,
      additive: report.summary.additive,
      known: report.summary.known ?? 0,
      new: report.findings.filter((finding) => finding.history && NEW_STATES.has(finding.history.state)).length,
    },
    reports: writtenReports(github.workspace, reports),
    markdown: readFileSync(resolveIn(github.workspace, reports.markdown!), "utf8"),
    findings: findingsToAnnotate(report),
    defaultFile: inputs.spec || undefined,
    newDrift: newDrift(report),
  };
}

export function resolveIn(workspace: string, file: string): string {
  return isAbsolute(file) ? file : join(workspace, file);
}

/** The reports that exist after the run. */
export function writtenReports(workspace: string, reports: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(reports).filter(([, file]) => existsSync(resolveIn(workspace, file))));
}

/** The command did not run to a verdict (exit 2): its last error lines are the summary. */
export function failedOutcome(stderr: string): Outcome {
  const tail = stderr.trim().split("\n").slice(-20).join("\n");
  return {
    verdict: "error",
    counts: {},
    reports: {},
    markdown: `### ⚠️ Video Logs: the command could not run\n\n<pre>${escapeHtml(tail || "(no message)")}</pre>\n`,
    findings: [{ level: "error", title: "video-logs", message: tail || "the command could not run" }],
    newDrift: 0,
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
