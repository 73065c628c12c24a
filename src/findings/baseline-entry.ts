// Known drift, as `check --baseline FILE` names it: one entry per drift. An ignore file holds the entries; an earlier
// JSON report gives one per finding of it. The report lists the entries that hid nothing (report-types.ts).

/**
 * One known drift: every field the entry holds must match the finding, a field left out matches any value. `pointer`
 * takes `*` for any one segment, and an array index matches the finding it normalises to (`/data/0` is `/data/*`).
 * `reason` is for people; `expires` (YYYY-MM-DD) ends the entry with that day, in UTC.
 */
export interface BaselineEntry {
  check: string;
  operation?: string;
  /** The response status; null when no response came. */
  status?: number | null;
  pointer?: string;
  keyword?: string;
  fingerprint?: string;
  reason?: string;
  expires?: string;
}

/** An entry of the baseline by its place there: the index in `ignore`, or in the earlier report's findings. */
export interface ListedBaselineEntry {
  index: number;
  entry: BaselineEntry;
}
