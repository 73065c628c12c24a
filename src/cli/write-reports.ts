// The reports of a run written where the flags say (check, proxy), then the summary line on stderr; the sarif and
// gitlab reports get the spec their findings are located in.
import { defaultSpecPath } from "../openapi/spec-path.ts";
import { escapeTerminal } from "../report/escape-terminal.ts";
import { formatReport, LOCATED_FORMATS } from "../report/format-report.ts";
import type { FindingSpec } from "../report/format-sarif.ts";
import type { DriftReport } from "../report/report-types.ts";
import { findingLocatorOf, readSpecLocations } from "../report/spec-locations.ts";
import { summaryLine } from "../report/summary-line.ts";
import { useColor } from "./color.ts";
import { type CliIo, writeOutput } from "./io.ts";
import type { ReportTarget } from "./report-targets.ts";

/**
 * Writes every report; the verdict always reaches the terminal: unless the text report goes to stdout, or `--quiet`,
 * the summary line goes to stderr after them.
 */
export function writeReports(
  report: DriftReport,
  reports: readonly ReportTarget[],
  io: CliIo,
  { quiet, spec }: { quiet: boolean; spec?: FindingSpec },
): void {
  for (const { format, file } of reports) {
    const color = format === "text" && !file && useColor(io.stdout, io.env);
    writeOutput(io, formatReport(report, format, { color, spec }), file, { quiet });
  }
  const textOnStdout = reports.some((target) => target.format === "text" && target.file === undefined);
  if (!textOnStdout && !quiet) io.stderr.write(`${escapeTerminal(summaryLine(report))}\n`);
}

/** The spec the sarif and gitlab reports locate findings in (--spec's file or the built-in one); undefined when none is asked for. */
export function locatedSpec(
  reports: readonly ReportTarget[],
  specFile: string | undefined,
  root: string,
): FindingSpec | undefined {
  if (!reports.some((target) => LOCATED_FORMATS.includes(target.format))) return undefined;
  const spec = readSpecLocations(specFile ?? defaultSpecPath(), root);
  return { spec, locator: findingLocatorOf(spec) };
}
