import { safeJson } from "./escape-json.ts";
import type { DriftReport } from "./report-types.ts";

/** The machine-readable report; its shape is described by schemas/drift-report.schema.json. */
export function formatJson(report: DriftReport): string {
  return `${safeJson(report, 2)}\n`;
}
