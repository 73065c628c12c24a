// The lines every human-readable format shows for the entries of a recording that were not judged: each one up to a
// bound (a browser's recording may hold hundreds of unrelated requests), then how many more the JSON report lists.
import type { DriftReport } from "./report-types.ts";

/** Skipped entries listed one by one in text and Markdown; the JSON report lists up to MAX_LISTED_SKIPPED_ENTRIES. */
export const LISTED_SKIPPED_ENTRIES = 20;

/** Unescaped: each format escapes the lines for its own sink. */
export function skippedEntryLines(report: DriftReport): string[] {
  const listed = report.recording?.skippedEntries ?? [];
  const lines = listed
    .slice(0, LISTED_SKIPPED_ENTRIES)
    .map((entry) => `entry ${entry.entry} ${entry.method} ${entry.url}: ${entry.reason}`);
  const more = (report.recording?.skipped ?? 0) - Math.min(listed.length, LISTED_SKIPPED_ENTRIES);
  if (more > 0)
    lines.push(
      `${more} more entries not judged (the JSON report lists ${more + LISTED_SKIPPED_ENTRIES > listed.length ? `the first ${listed.length}` : "each"})`,
    );
  return lines;
}
