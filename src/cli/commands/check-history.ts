// `check --history FILE [--history-keep N] [--fail-on breaking|new]`: the flags read, the file checked before any
// request, and the run recorded after it. The history's code is loaded only when --history is given.
import { HISTORY_DEFAULTS } from "../../history/history-defaults.ts";
import { isHistoryFileError } from "../../history/history-file-error.ts";
import { type DriftReport, FAIL_ON, type FailOn } from "../../report/report-types.ts";
import { CommandFailure } from "../command-failure.ts";
import { assertWritable } from "../io.ts";
import { choiceFlag, integerFlag } from "../parse-command-args.ts";
import { UsageError } from "../usage-error.ts";

export interface HistorySettings {
  file: string;
  keep: number;
  failOn: FailOn;
  /** The spec the run judges by (`--spec`), whose hash the run is recorded under; the built-in one by default. */
  spec?: string;
}

/** The history flags; undefined without --history (--fail-on new and --history-keep need it). */
export function historySettings(values: {
  history?: string;
  "history-keep"?: string;
  "fail-on"?: string;
  spec?: string;
}): HistorySettings | undefined {
  const failOn = choiceFlag("fail-on", values["fail-on"], FAIL_ON, "breaking");
  const keep = integerFlag("history-keep", values["history-keep"], HISTORY_DEFAULTS.keep);
  if (values.history === undefined) {
    if (failOn === "new")
      throw new UsageError("--fail-on new fails only on findings new since the earlier runs: it needs --history FILE");
    if (values["history-keep"] !== undefined) throw new UsageError("--history-keep needs --history FILE");
    return undefined;
  }
  return { file: values.history, keep, failOn, ...(values.spec === undefined ? {} : { spec: values.spec }) };
}

/** A history file that cannot be used stops the command (exit 2) before any request, and is left as it is. */
export async function assertHistoryUsable(settings: HistorySettings): Promise<void> {
  assertWritable(settings.file, "the history");
  const { readHistory } = await import("../../history/history-file.ts");
  await asCommandFailure(() => readHistory(settings.file));
}

/** Records the run in the history; the report comes back with each finding's history and the findings resolved. */
export async function recordHistory(report: DriftReport, settings: HistorySettings): Promise<DriftReport> {
  const [{ updateHistory }, { specHash }] = await Promise.all([
    import("../../history/update-history.ts"),
    import("../../openapi/spec-hash.ts"),
  ]);
  const options = { keep: settings.keep, failOn: settings.failOn, specHash: specHash(settings.spec) };
  return (await asCommandFailure(() => updateHistory(settings.file, report, options))).report;
}

async function asCommandFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isHistoryFileError(error)) throw new CommandFailure(error.message, "The file is left as it is.");
    throw error;
  }
}
