// `check --history FILE`: the run recorded in the history, and the report told what the history says of it. Under the
// history's lock the file is read again (another run may have written it since it was first read), the run judged
// against it and added, and the result written atomically; a file that is not a history stops it, left as it is.
import type { DriftReport, FailOn } from "../report/report-types.ts";
import { verdictOf } from "../report/summary-line.ts";
import { readHistory, serializeHistory, writeAtomically } from "./history-file.ts";
import { type LockOptions, systemLockOptions, withLock } from "./history-lock.ts";
import { emptyHistory, type HistoryDocument } from "./history-types.ts";
import { judgeRun, type RunHistory, runOf, withRun } from "./record-run.ts";

export interface HistoryUpdateOptions {
  /** Runs kept, this one included. */
  keep: number;
  failOn: FailOn;
  /** `sha256:` and the digest of the spec the run judged by. */
  specHash: string;
  /** The lock's clock, wait and liveness test; by default the real ones. */
  lock?: LockOptions;
}

/** Records the report's run in `file` and returns the report with each finding's history and the resolved ones. */
export async function updateHistory(
  file: string,
  report: DriftReport,
  options: HistoryUpdateOptions,
): Promise<{ report: DriftReport; history: HistoryDocument }> {
  return withLock(file, options.lock ?? systemLockOptions(), async () => {
    const before = (await readHistory(file)) ?? emptyHistory();
    const { report: judged, history } = recordReport(before, report, options);
    await writeAtomically(file, serializeHistory(history));
    return { report: judged, history };
  });
}

/** The pure step: the report told its history, and the history with its run recorded. */
export function recordReport(
  before: HistoryDocument,
  report: DriftReport,
  { keep, failOn, specHash }: Pick<HistoryUpdateOptions, "keep" | "failOn" | "specHash">,
): { report: DriftReport; history: HistoryDocument } {
  const run = runOf(report, specHash);
  const judged = withHistory(report, judgeRun(before, run, report.findings, keep), failOn);
  // The verdict may depend on the findings' states (--fail-on new): the run keeps the one its report shows.
  const history = withRun(before, { ...run, verdict: verdictOf(judged) }, report.findings, keep);
  return { report: judged, history };
}

/** The report with each finding's `history` and the report's `history`. */
export function withHistory(report: DriftReport, judged: RunHistory, failOn: FailOn): DriftReport {
  return {
    ...report,
    findings: report.findings.map((finding) => ({ ...finding, history: judged.findings.get(finding.fingerprint)! })),
    history: { failOn, runsKept: judged.runsKept, resolved: judged.resolved },
  };
}
