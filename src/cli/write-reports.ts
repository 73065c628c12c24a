// The reports of a run written where the flags say (check, proxy), then the summary line on stderr.

import { escapeTerminal } from "../report/escape-terminal.ts";
import { formatReport } from "../report/format-report.ts";
import type { DriftReport } from "../report/report-types.ts";
import { summaryLine } from "../report/summary-line.ts";
import { useColor } from "./color.ts";
import { type CliIo, writeOutput } from "./io.ts";
import type { ReportTarget } from "./report-targets.ts";

/**
 * Writes every report; the verdict always reaches the terminal: unless the text report goes to stdout, or `--quiet`,
 * the summary line goes to stderr after them.
 */
export function writeReports(report: DriftReport, reports: readonly ReportTarget[], io: CliIo, quiet: boolean): void {
  for (const { format, file } of reports) {
    const color = format === "text" && !file && useColor(io.stdout, io.env);
    writeOutput(io, formatReport(report, format, { color }), file, { quiet });
  }
  const textOnStdout = reports.some((target) => target.format === "text" && target.file === undefined);
  if (!textOnStdout && !quiet) io.stderr.write(`${escapeTerminal(summaryLine(report))}\n`);
}
