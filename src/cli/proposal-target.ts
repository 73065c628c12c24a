// Where `check --propose FILE` writes its Overlay proposal: checked before the check runs, like the reports' files.
import { resolve } from "node:path";
import { assertWritable } from "./io.ts";
import type { ReportTarget } from "./report-targets.ts";
import { UsageError } from "./usage-error.ts";

export function proposalTarget(file: string | undefined, reports: readonly ReportTarget[]): string | undefined {
  if (file === undefined) return undefined;
  if (file === "") throw new UsageError("--propose needs a file name", "For example: --propose proposal.yaml");
  if (reports.some((report) => report.file !== undefined && resolve(report.file) === resolve(file))) {
    throw new UsageError(`--propose and a report name the same file ${JSON.stringify(file)}: give each its own`);
  }
  assertWritable(file, "the proposal");
  return file;
}
