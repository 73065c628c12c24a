import type { DriftReport } from "../check/report-types.ts";

/** The machine-readable report; its shape is described by schemas/drift-report.schema.json. */
export function formatJson(report: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
