import type { DriftReport } from "../check/report-types.ts";
import { safeJson } from "./escape-json.ts";

/** The machine-readable report; its shape is described by schemas/drift-report.schema.json. */
export function formatJson(report: DriftReport): string {
  return `${safeJson(report, 2)}\n`;
}
