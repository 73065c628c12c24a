// Known drift: `check --baseline FILE` marks known the findings its entries name (an ignore file's entries, or the
// fingerprints of an earlier report's findings). A known finding is still reported but does not fail the run; a new
// one does. An entry hides only what it names: every field it holds must match; none hides a whole operation.
// Matching is linear in entries plus findings (baseline-match.ts); the clock for `expires` is the caller's.
// `check --write-baseline FILE` writes the other way round: an ignore file of a run's findings.
import type { BaselineEntry, ListedBaselineEntry } from "../findings/baseline-entry.ts";
import { fingerprintOfOccurrence } from "../findings/group-findings.ts";
import { safeJson } from "../report/escape-json.ts";
import type { DriftReport } from "../report/report-types.ts";
import { type FindingIdentity, matchEntries } from "./baseline-match.ts";
import { withFindings } from "./report-builder.ts";

/** A baseline read from a file: its entries, and where they came from (an ignore file, or a report of a version). */
export interface Baseline {
  source: { kind: "ignore-file" } | { kind: "report"; version: number };
  entries: readonly BaselineEntry[];
}

/** What a baseline says of a run's findings. */
export interface BaselineMatch {
  /** The fingerprints of the findings an entry names. */
  known: Set<string>;
  /** Entries that matched no finding. */
  stale: ListedBaselineEntry[];
  /** Entries past their `expires` day: they hide nothing. */
  expired: ListedBaselineEntry[];
}

/** The ignore file `check --write-baseline` writes (schemas/baseline.schema.json). */
export interface IgnoreFile {
  ignore: BaselineEntry[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long an entry `--write-baseline` writes lasts: 90 days from the run's start. */
export const WRITTEN_ENTRY_DAYS = 90;

/** The notes list this many stale and this many expired entries; the JSON report lists them all. */
export const MAX_BASELINE_NOTES = 10;

/** The first instant after the day `expires` names (YYYY-MM-DD), in UTC. */
export function endOfDay(expires: string): number {
  const [year, month, day] = expires.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day + 1);
}

/** Matches `findings` (each drift once) against the baseline at the instant `now` (epoch milliseconds). */
export function matchBaseline(findings: readonly FindingIdentity[], baseline: Baseline, now: number): BaselineMatch {
  const isExpired = new Uint8Array(baseline.entries.length);
  baseline.entries.forEach((entry, i) => {
    if (entry.expires !== undefined && now >= endOfDay(entry.expires)) isExpired[i] = 1;
  });
  const match = matchEntries(baseline.entries, isExpired, findings);
  const known = new Set(findings.filter((_, j) => match.known[j] === 1).map((finding) => finding.fingerprint));
  const stale: ListedBaselineEntry[] = [];
  const expired: ListedBaselineEntry[] = [];
  baseline.entries.forEach((entry, i) => {
    if (isExpired[i] === 1) expired.push({ index: i, entry });
    else if (match.matched[i] !== 1) stale.push({ index: i, entry });
  });
  return { known, stale, expired };
}

/**
 * The report with every finding the baseline names marked `known: true`, its findings grouped again (withFindings): a
 * finding all of whose occurrences are known is counted in `summary.known`, out of `breaking` and `additive`. The
 * entries that hid nothing are listed under `baseline` and as notes. `now` is the instant `expires` is judged at.
 */
export function applyBaseline(report: DriftReport, baseline: Baseline, { now }: { now: number }): DriftReport {
  const { known, stale, expired } = matchBaseline(report.findings, baseline, now);
  const exchanges = report.exchanges.map((exchange) => {
    if (!exchange.violations.some((finding) => known.has(fingerprintOfOccurrence(finding, exchange)))) return exchange;
    const violations = exchange.violations.map((finding) =>
      known.has(fingerprintOfOccurrence(finding, exchange)) ? { ...finding, known: true as const } : finding,
    );
    return { ...exchange, violations };
  });
  const notes = [...report.notes, ...baselineNotes(baseline, stale, expired)];
  return withFindings({
    ...report,
    notes,
    exchanges,
    summary: { ...report.summary, known: 0 },
    baseline: { stale, expired },
  });
}

/** `baseline: …` notes: the first MAX_BASELINE_NOTES expired and stale entries, and how many more. */
function baselineNotes(baseline: Baseline, stale: ListedBaselineEntry[], expired: ListedBaselineEntry[]): string[] {
  const shown = ({ entry }: ListedBaselineEntry) => safeJson(entry).slice(0, 200);
  const staleNote =
    baseline.source.kind === "ignore-file"
      ? (listed: ListedBaselineEntry) => `baseline: entry ${listed.index} matched no finding (stale): ${shown(listed)}`
      : (listed: ListedBaselineEntry) =>
          `baseline: finding ${listed.index} of the earlier report was not seen (stale): ${shown(listed)}`;
  const more = (count: number, kind: string) =>
    count > MAX_BASELINE_NOTES
      ? [`baseline: ${count - MAX_BASELINE_NOTES} more ${kind} entries, listed in the JSON report (baseline.${kind})`]
      : [];
  return [
    ...expired
      .slice(0, MAX_BASELINE_NOTES)
      .map(
        (listed) =>
          `baseline: entry ${listed.index} expired on ${listed.entry.expires} and hides nothing: ${shown(listed)}`,
      ),
    ...more(expired.length, "expired"),
    ...stale.slice(0, MAX_BASELINE_NOTES).map(staleNote),
    ...more(stale.length, "stale"),
  ];
}

/** The date `days` after the instant `from`, as `expires` writes it (YYYY-MM-DD, UTC). */
export function dateAfter(from: number, days: number): string {
  return new Date(from + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * An ignore file of the report's findings, known ones included: one entry each, with its check, operation, status,
 * pointer, keyword and fingerprint, expiring WRITTEN_ENTRY_DAYS after the run's start. Read back as a baseline, it
 * marks known every finding of the report, and only those.
 */
export function ignoreFileOf(report: DriftReport): IgnoreFile {
  const expires = dateAfter(Date.parse(report.startedAt), WRITTEN_ENTRY_DAYS);
  return {
    ignore: report.findings.map(({ check, operation, status, pointer, keyword, fingerprint }) => ({
      check,
      operation,
      status,
      pointer,
      keyword,
      fingerprint,
      expires,
    })),
  };
}

/** The ignore file as `--write-baseline` writes it: indented JSON, safe to show on a terminal. */
export function formatIgnoreFile(file: IgnoreFile): string {
  return `${safeJson(file, 2)}\n`;
}
