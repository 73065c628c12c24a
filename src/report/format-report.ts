import { formatGitlab } from "./format-gitlab.ts";
import { formatJson } from "./format-json.ts";
import { formatJunit } from "./format-junit.ts";
import { formatMarkdown } from "./format-markdown.ts";
import { type FindingSpec, formatSarif } from "./format-sarif.ts";
import { formatText } from "./format-text.ts";
import type { DriftReport } from "./report-types.ts";

export const REPORT_FORMATS = ["text", "json", "junit", "markdown", "sarif", "gitlab"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The formats that point each finding at a line of the spec: they need the spec's file and positions. */
export const LOCATED_FORMATS: readonly ReportFormat[] = ["sarif", "gitlab"];

export interface FormatOptions {
  color?: boolean;
  /** The spec the findings are located in: needed by the sarif and gitlab formats. */
  spec?: FindingSpec;
}

export function formatReport(
  report: DriftReport,
  format: ReportFormat,
  { color = false, spec }: FormatOptions = {},
): string {
  switch (format) {
    case "json":
      return formatJson(report);
    case "junit":
      return formatJunit(report);
    case "markdown":
      return formatMarkdown(report);
    case "text":
      return formatText(report, { color });
    case "sarif":
    case "gitlab":
      if (spec === undefined) throw new TypeError(`the ${format} report needs the spec to locate its findings in`);
      return format === "sarif" ? formatSarif(report, spec) : formatGitlab(report, spec);
  }
}
