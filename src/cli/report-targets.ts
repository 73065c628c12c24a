// Where `check` and `diff` write their reports: `--report FORMAT=FILE` (repeatable), `--format F --out FILE` as
// shorthand for one, and with neither, one report on stdout. `-` as a report's file is stdout, for one report at most.
// Two reports into one file are refused with the command's other files (same-file.ts).

import { REPORT_FORMATS, type ReportFormat } from "../report/format-report.ts";
import { assertWritable } from "./io.ts";
import { choiceFlag } from "./parse-command-args.ts";
import { UsageError } from "./usage-error.ts";

export interface ReportTarget<F extends string = ReportFormat> {
  format: F;
  /** undefined: stdout. */
  file?: string;
  /** The flag that named it, for messages: "--out" or "--report json". */
  flag: string;
}

/** The reports the flags ask for, in the command's formats (default: the check's). */
export function reportTargets<F extends string = ReportFormat>(
  values: { report?: string[]; format?: string; out?: string },
  formats: readonly F[] = REPORT_FORMATS as unknown as readonly F[],
): ReportTarget<F>[] {
  const targets = (values.report ?? []).map((value) => parseReportFlag(value, formats));
  if (values.format !== undefined || values.out !== undefined || targets.length === 0) {
    const file = values.out === "-" ? undefined : values.out;
    const fallback = formats[0]!;
    targets.push({ format: choiceFlag("format", values.format, formats, fallback), file, flag: "--out" });
  }
  if (targets.filter((target) => target.file === undefined).length > 1) {
    throw new UsageError("Two reports go to stdout: give all but one of them a file (`-` is stdout)");
  }
  for (const target of targets) if (target.file !== undefined) assertWritable(target.file);
  return targets;
}

function parseReportFlag<F extends string>(value: string, formats: readonly F[]): ReportTarget<F> {
  const at = value.indexOf("=");
  const format = value.slice(0, at);
  const file = value.slice(at + 1);
  if (at < 0 || file === "" || !(formats as readonly string[]).includes(format)) {
    throw new UsageError(
      `--report must be FORMAT=FILE with FORMAT one of ${formats.join(", ")}, got ${JSON.stringify(value)}`,
      "For example: --report sarif=drift.sarif --report markdown=drift.md",
    );
  }
  return { format: format as F, file: file === "-" ? undefined : file, flag: `--report ${format}` };
}
