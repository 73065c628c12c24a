// The drift history file (`check --history FILE`), described by schemas/history.schema.json: every finding ever seen,
// by fingerprint, and the last runs, each with what it ran and what it saw.
import type { CheckName } from "../findings/checks.ts";
import type { FindingIdentity } from "../findings/finding.ts";
import type { ReportTarget } from "../report/report-types.ts";
import type { verdictOf } from "../report/summary-line.ts";

/** What the file says it is; another value is a foreign file. */
export const HISTORY_FORMAT = "signalwire-video-logs/history";
/** Raised when the file's shape changes; a file of another version is refused, never overwritten. */
export const HISTORY_VERSION = 1;

/** A finding ever seen: its identity, and when it was first and last seen (kept when its runs are pruned). */
export interface HistoryFinding extends FindingIdentity {
  firstSeen: string;
  lastSeen: string;
}

/** One run of the check, as the history keeps it. */
export interface HistoryRun {
  startedAt: string;
  /** The report's target: a server's base URL (no credentials) or a recording's file name. */
  target: ReportTarget;
  /** The version of the tool that ran. */
  toolVersion: string;
  /** `sha256:` and the digest of the spec the run judged by. */
  specHash: string;
  verdict: ReturnType<typeof verdictOf>;
  /** Every request got a response (and a recording had something to judge). */
  complete: boolean;
  /** The operations each check ran on: the report's plan entries a response exercised. */
  plan: Partial<Record<CheckName, string[]>>;
  /** The fingerprints seen (each a key of the history's findings). */
  seen: string[];
  /** Each one's number of occurrences, in the order of `seen`. */
  counts: number[];
}

export interface HistoryDocument {
  format: typeof HISTORY_FORMAT;
  version: typeof HISTORY_VERSION;
  /** Every finding ever seen, by fingerprint. */
  findings: Record<string, HistoryFinding>;
  /** The runs kept, oldest first, in the order they were recorded. */
  runs: HistoryRun[];
}

export function emptyHistory(): HistoryDocument {
  return { format: HISTORY_FORMAT, version: HISTORY_VERSION, findings: {}, runs: [] };
}
