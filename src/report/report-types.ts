// The drift report: one shape for every output format, versioned for machines (schemas/drift-report.schema.json).

import type { ListedBaselineEntry } from "../findings/baseline-entry.ts";
import type { CheckName } from "../findings/checks.ts";
import type { DriftFinding, Finding, FindingIdentity } from "../findings/finding.ts";
import type { FindingState } from "../findings/finding-history.ts";
import type { ProbeKind } from "../findings/probe-kind.ts";
import type { OperationId } from "../operations/operation-table.ts";

/**
 * 8: a live tour's report carries its `seed` (`check --seed`; random when not given): with the same seed, pin and
 * answers a tour makes the same requests, and `check --replay` runs it again from a recording of `check --record`.
 * 7: two additions of the same version. With `check --history FILE`, each finding carries `history` (its state: new,
 * recurring, regressed or flapping, since when, in how many runs) and the report a `history` object: the `--fail-on`
 * rule, the runs kept, and the findings `resolved` since the previous run that observed them. And every report
 * carries `coverage`, what the run saw of what the spec declares: per operation the declared statuses, query and path
 * parameters, enum values, union branches, and optional and nullable properties of its response schemas, each with
 * those the judged responses showed, and the total `percent`; `coverage.minimum` (`--min-coverage`) fails the run
 * below it with a finding of check `coverage` (operation `*`, no request).
 * 6: `exchanges` (was `checks`) holds each request's result, every violation carrying its finding's `fingerprint`;
 * `findings` groups the occurrences of each drift (one entry per fingerprint, breaking first); `summary.breaking`,
 * `summary.additive` and `summary.known` count findings, not occurrences; `plan` lists every selected check for every
 * operation it applies to, and whether a response exercised it; `interrupted` marks a run cut short, whose report
 * holds what was judged before; with `check --baseline`, `baseline` lists the entries that hid nothing (stale or
 * expired).
 * 5: `check --har FILE` judges a recording: `target` is `{ kind: "recording", file }`, checks of kind `recorded`, and
 * `recording` counts the file's entries and lists each one not judged, with why.
 * 4: with `check --baseline`, a finding listed there carries `known: true` and `summary.known` counts them; they are
 * left out of `summary.breaking` and `summary.additive`.
 * 3: every violation names its `check`; the report lists the checks run (`checksRun`), the checks skipped with why
 * (`skipped`) and remarks about the tour (`notes`); `summary.requests` counts every request sent, retries included.
 * 2: every check carries its `kind`; `operation` is any operationId of the spec.
 */
export const REPORT_VERSION = 8;

/** One request the drift check made and what it found. */
export interface ExchangeResult {
  /** A name for people, e.g. `list_logs page 2 (include_deleted=true)`; tools read `kind` and `operation`. */
  name: string;
  /** What the check tests. */
  kind: ProbeKind;
  /** The operationId of the request (any operation of the spec). */
  operation: OperationId;
  method: "GET";
  /** The URL requested (never contains credentials). */
  url: string;
  /** The statuses this check accepts. */
  expectedStatus: number[];
  /** The status received, or null when no response came. */
  status: number | null;
  passed: boolean;
  /** Each violation names the check that found it. */
  violations: Finding[];
  requestId: string | null;
  durationMs: number;
  /** A curl command that repeats the request, with credentials taken from the environment. */
  curl: string;
  /** Set when no response came (a network error or timeout). */
  error?: string;
  /** Remarks that are not drift, e.g. a pagination link that was not followed. */
  notes?: string[];
}

/** What was checked: a server that was sent requests, or a recording (a HAR file) judged offline. */
export type ReportTarget = ServerTarget | { kind: "recording"; file: string };

/** A server the check sent requests to: the embedded or a named Prism mock, a Space, or any base URL. */
export interface ServerTarget {
  baseUrl: string;
  kind: "mock" | "space" | "base-url";
}

/** Entries not judged that a report lists one by one; the rest are counted (a recording may hold millions). */
export const MAX_LISTED_SKIPPED_ENTRIES = 1000;

/** An entry of a recording that was not judged, and why (0-based, as in the pointer `/log/entries/N`). */
export interface SkippedEntry {
  entry: number;
  method: string;
  /** The entry's URL without credentials (secret query values and userinfo replaced), cut at 2048 characters. */
  url: string;
  /** The operation whose method and path it matched, when it matched one. */
  operation?: OperationId;
  reason: string;
}

export interface DriftReport {
  version: typeof REPORT_VERSION;
  tool: { name: "signalwire-video-logs"; version: string };
  target: ReportTarget;
  startedAt: string;
  /** A live tour's seed (`check --seed`): the same seed, pin and answers make the same requests. Absent for `--har`. */
  seed?: number;
  durationMs: number;
  /** Additive drift fails the run only in strict mode. */
  strict: boolean;
  /** The named checks that ran. */
  checksRun: CheckName[];
  /** Checks selected but not run, and why (a static mock or a recording cannot satisfy them). */
  skipped: { check: CheckName; reason: string }[];
  /** Remarks about the tour that are not drift (a filter not tried, the budget spent). */
  notes: string[];
  /**
   * `requests` counts every request sent (429 retries included; 0 for a recording); `checked` counts responses judged,
   * `passed` those without a finding; `errors` requests that got no response (network error, timeout); `breaking`,
   * `additive` and `known` count findings (each drift once, however many responses show it), the known ones apart.
   */
  summary: {
    requests: number;
    checked: number;
    passed: number;
    breaking: number;
    additive: number;
    errors: number;
    known?: number;
  };
  /** Every drift once: the occurrences of each fingerprint, breaking first. */
  findings: DriftFinding[];
  /** Every request's result, in the plan's order (a recording's: in file order). */
  exchanges: ExchangeResult[];
  /** Every selected check for every operation it applies to, and whether a judged response exercised it. */
  plan: PlannedCheck[];
  /** What the judged responses showed of what the spec declares, per operation. */
  coverage: Coverage;
  /**
   * Set when the run was cut short (Ctrl-C, SIGTERM, the caller's abort signal): the report holds every result judged
   * before and nothing of the rest; `reason` names the signal, or the abort's reason.
   */
  interrupted?: { reason: string };
  /**
   * Set with `check --baseline`: the baseline's entries that hid nothing, each with its index there (in `ignore`, or in
   * the earlier report's findings). `stale`: it matched no finding (the drift is gone, or the entry names it wrong);
   * `expired`: its `expires` day has passed.
   */
  baseline?: { stale: ListedBaselineEntry[]; expired: ListedBaselineEntry[] };
  /**
   * Set for a recording: how many entries it holds, how many were judged, how many were not (`skipped`, of which
   * `skippedMatched` matched an operation), and the first MAX_LISTED_SKIPPED_ENTRIES of those, each with why.
   */
  recording?: {
    entries: number;
    judged: number;
    skipped: number;
    skippedMatched: number;
    skippedEntries: SkippedEntry[];
  };
  /** Set with `check --history FILE`: what fails the run, the runs kept, and the findings gone since last observed. */
  history?: ReportHistory;
}

/**
 * What fails the run: `breaking`, every breaking finding not known (additive ones too with `strict`); `new`, only
 * those of them that are new or regressed (it needs a history).
 */
export const FAIL_ON = ["breaking", "new"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The states of a finding that fail a run with `--fail-on new`. */
const NEW_STATES: readonly FindingState[] = ["new", "regressed"];

/** The history's part of a report (`check --history FILE`). */
export interface ReportHistory {
  failOn: FailOn;
  /** The runs the history keeps, this one included. */
  runsKept: number;
  /** Findings the previous run that observed them saw, and this run shows absent. */
  resolved: ResolvedFinding[];
}

/** A finding gone since the previous run that observed it: its identity, and when it was first and last seen. */
export interface ResolvedFinding extends FindingIdentity {
  fingerprint: string;
  firstSeen: string;
  lastSeen: string;
}

/** A named check applied to an operation: a JUnit testcase, the same set on every run of the same plan. */
export interface PlannedCheck {
  check: CheckName;
  operation: string;
  exercised: boolean;
}

/** What the spec declares of one kind, and which of those the run saw (in declaration order). */
export interface CoverageItems<T> {
  declared: T[];
  seen: T[];
}

/**
 * One operation's coverage. Schema pointers are written as a `$ref` would name them (`#/components/schemas/LogStatus`):
 * `enums` by the schema holding the enum, `unions` by its `anyOf`/`oneOf`, `properties` by the property's schema.
 */
export interface OperationCoverage {
  /** The declared response statuses (as the spec writes them: `200`, `4XX`, `default`) and those received. */
  statuses: CoverageItems<string>;
  /** The declared query and path parameters and those sent (present in the URL requested or recorded). */
  parameters: CoverageItems<string>;
  /** Each enum of the response schemas: its values, and those seen. */
  enums: Record<string, CoverageItems<unknown>>;
  /** Each union of the response schemas: its branches (the `$ref`'s name, else the title, else the index), and those seen. */
  unions: Record<string, CoverageItems<string>>;
  /** Each optional property (`present`) and nullable property (`null`), and whether one was ever present or null. */
  properties: Record<string, CoverageItems<CoveredPropertyState>>;
}

/** What an optional property (`present`) or a nullable one (`null`) must once be for the spec's branch of it to be seen. */
export type CoveredPropertyState = "present" | "null";

/** What the run saw of what the spec declares: every item of every kind of every operation counts once. */
export interface Coverage {
  /** Items seen over items declared, in percent, rounded down to a tenth; 100 when nothing is declared. */
  percent: number;
  declared: number;
  seen: number;
  /** The threshold (`--min-coverage`): below it the check `coverage` fails the run. */
  minimum?: number;
  operations: Record<string, OperationCoverage>;
}

/** The target in one line: `recording FILE`, or the kind and base URL. Unescaped: each format escapes it. */
export function describeTarget(target: ReportTarget): string {
  return target.kind === "recording" ? `recording ${target.file}` : `${target.kind} ${target.baseUrl}`;
}

/**
 * Whether a finding fails the run: not known, breaking (or additive with `strict`), and with `--fail-on new`, new or
 * regressed.
 */
export function findingFails(report: DriftReport, finding: DriftFinding): boolean {
  if (finding.known || !(finding.severity === "breaking" || report.strict)) return false;
  if (report.history?.failOn !== "new") return true;
  return finding.history !== undefined && NEW_STATES.includes(finding.history.state);
}

/**
 * Exit status of a finished report: 0 clean, 1 drift. Known findings never fail; with `--fail-on new`, only the new
 * and regressed ones of the others do.
 */
export function reportFailed(report: DriftReport): boolean {
  if (report.history?.failOn === "new") return report.findings.some((finding) => findingFails(report, finding));
  return report.summary.breaking > 0 || (report.strict && report.summary.additive > 0);
}
