// The lines every human-readable format shows for the entries of a recording that were not judged: each one up to a
// bound (a browser's recording may hold hundreds of unrelated requests), then how many more the JSON report lists.
import type { DriftReport } from "../check/report-types.ts";

/** Skipped entries listed one by one in text and Markdown; the JSON report lists every one. */
export const LISTED_SKIPPED_ENTRIES = 20;

/** Unescaped: each format escapes the lines for its own sink. */
export function skippedEntryLines(report: DriftReport): string[] {
  const skipped = report.recording?.skippedEntries ?? [];
  const lines = skipped.slice(0, LISTED_SKIPPED_ENTRIES).map((entry) => `entry ${entry.entry} ${entry.method} ${entry.url}: ${entry.reason}`);
  if (skipped.length > LISTED_SKIPPED_ENTRIES) lines.push(`${skipped.length - LISTED_SKIPPED_ENTRIES} more entries not judged (the JSON report lists each)`);
  return lines;
}
