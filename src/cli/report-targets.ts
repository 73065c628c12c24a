// Where `check` writes its reports: `--report FORMAT=FILE` (repeatable), `--format F --out FILE` as shorthand for one,
// and with neither, one report on stdout. `-` as a report's file is stdout, for one report at most. Two reports into
// one file are refused with the command's other files (same-file.ts).

import { REPORT_FORMATS, type ReportFormat } from "../report/format-report.ts";
import { assertWritable } from "./io.ts";
import { choiceFlag } from "./parse-command-args.ts";
import { UsageError } from "./usage-error.ts";

export interface ReportTarget {
  format: ReportFormat;
  /** undefined: stdout. */
  file?: string;
  /** The flag that named it, for messages: "--out" or "--report json". */
  flag: string;
}

export function reportTargets(values: { report?: string[]; format?: string; out?: string }): ReportTarget[] {
  const targets: ReportTarget[] = (values.report ?? []).map(parseReportFlag);
  if (values.format !== undefined || values.out !== undefined || targets.length === 0) {
    const file = values.out === "-" ? undefined : values.out;
    targets.push({ format: choiceFlag("format", values.format, REPORT_FORMATS, "text"), file, flag: "--out" });
  }
  if (targets.filter((target) => target.file === undefined).length > 1) {
    throw new UsageError("Two reports go to stdout: give all but one of them a file (`-` is stdout)");
  }
  for (const target of targets) if (target.file !== undefined) assertWritable(target.file);
  return targets;
}

function parseReportFlag(value: string): ReportTarget {
  const at = value.indexOf("=");
  const format = value.slice(0, at);
  const file = value.slice(at + 1);
  if (at < 0 || file === "" || !(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--report must be FORMAT=FILE with FORMAT one of ${REPORT_FORMATS.join(", ")}, got ${JSON.stringify(value)}`,
      "For example: --report junit=drift.xml --report markdown=drift.md",
    );
  }
  return { format: format as ReportFormat, file: file === "-" ? undefined : file, flag: `--report ${format}` };
}
