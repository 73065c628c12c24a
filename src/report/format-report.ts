import { formatJson } from "./format-json.ts";
import { formatJunit } from "./format-junit.ts";
import { formatMarkdown } from "./format-markdown.ts";
import { formatText } from "./format-text.ts";
import type { DriftReport } from "./report-types.ts";

export const REPORT_FORMATS = ["text", "json", "junit", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(report: DriftReport, format: ReportFormat, { color = false } = {}): string {
  switch (format) {
    case "json":
      return formatJson(report);
    case "junit":
      return formatJunit(report);
    case "markdown":
      return formatMarkdown(report);
    case "text":
      return formatText(report, { color });
  }
}
