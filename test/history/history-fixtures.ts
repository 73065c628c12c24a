// Drift reports made by hand for the history's in-process tests: a run at an instant, with the findings it saw, the
// target it checked, whether it was complete and what it planned. Two findings are named X and Y throughout.

import type { DriftFinding } from "../../src/findings/finding.ts";
import { fingerprintOf } from "../../src/findings/fingerprint.ts";
import { emptyHistory, type HistoryDocument } from "../../src/history/history-types.ts";
import { recordReport } from "../../src/history/update-history.ts";
import type { DriftReport, FailOn, ServerTarget } from "../../src/report/report-types.ts";

export const SPEC = `sha256:${"a".repeat(64)}`;
export const OTHER_SPEC = `sha256:${"b".repeat(64)}`;
export const TARGET: ServerTarget = { kind: "base-url", baseUrl: "http://127.0.0.1:8080" };
export const OTHER_TARGET: ServerTarget = { kind: "base-url", baseUrl: "http://127.0.0.1:9090" };

const identity = (pointer: string, severity: DriftFinding["severity"] = "breaking") => ({
  check: "response-schema" as const,
  operation: "list_logs",
  status: 200,
  pointer,
  keyword: severity === "breaking" ? "type" : "additionalProperties",
  severity,
});

/** Findings by name: X and Y breaking, Z additive. */
export const FINDINGS = {
  X: identity("/data/*/charge"),
  Y: identity("/data/*/url"),
  Z: identity("/data/*/charge_details/*", "additive"),
} as const;
export type Name = keyof typeof FINDINGS;

export const fingerprintOfName = (name: Name) => fingerprintOf(FINDINGS[name]);

function driftFinding(name: Name, known = false): DriftFinding {
  return {
    fingerprint: fingerprintOfName(name),
    ...FINDINGS[name],
    count: 3,
    requests: [{ requestId: null, exchange: 0 }],
    example: { message: "m", expected: "e", actual: "a", curl: "curl", requestId: null },
    ...(known ? { known: true as const } : {}),
  };
}

/** The nth run's start: 2026-12-01 10:00 UTC, then an hour apart. */
export const at = (n: number) => new Date(Date.UTC(2026, 11, 1, 9 + n)).toISOString();

export interface RunSpec {
  seen: readonly Name[];
  known?: readonly Name[];
  target?: ServerTarget;
  complete?: boolean;
  /** The checks exercised on list_logs; default response-schema. */
  planned?: readonly DriftFinding["check"][];
  strict?: boolean;
}

export function reportOf(n: number, spec: RunSpec): DriftReport {
  const findings = spec.seen.map((name) => driftFinding(name, spec.known?.includes(name)));
  const unknown = findings.filter((finding) => !finding.known);
  return {
    version: 8,
    tool: { name: "signalwire-video-logs", version: "0.1.0" },
    target: spec.target ?? TARGET,
    startedAt: at(n),
    durationMs: 0,
    strict: spec.strict ?? false,
    checksRun: ["response-schema"],
    skipped: [],
    notes: [],
    summary: {
      requests: 4,
      checked: spec.complete === false ? 3 : 4,
      passed: 1,
      breaking: unknown.filter((finding) => finding.severity === "breaking").length,
      additive: unknown.filter((finding) => finding.severity === "additive").length,
      errors: spec.complete === false ? 1 : 0,
      ...(spec.known ? { known: findings.length - unknown.length } : {}),
    },
    findings,
    exchanges: [],
    plan: (spec.planned ?? ["response-schema"]).map((check) => ({ check, operation: "list_logs", exercised: true })),
    coverage: { percent: 100, declared: 0, seen: 0, operations: {} },
  };
}

/** Records the runs one after the other; each run's judged report and the history after it. */
export function recordRuns(
  specs: readonly RunSpec[],
  { keep = 200, failOn = "breaking" as FailOn, specHashes = [] as readonly string[] } = {},
): { reports: DriftReport[]; history: HistoryDocument } {
  let history = emptyHistory();
  const reports: DriftReport[] = [];
  specs.forEach((spec, index) => {
    const recorded = recordReport(history, reportOf(index + 1, spec), {
      keep,
      failOn,
      specHash: specHashes[index] ?? SPEC,
    });
    reports.push(recorded.report);
    history = recorded.history;
  });
  return { reports, history };
}

/** What the history told of a run: each finding's history by name, and the names of the resolved ones. */
export function told(report: DriftReport) {
  const nameOf = (fingerprint: string) =>
    (Object.keys(FINDINGS) as Name[]).find((name) => fingerprintOfName(name) === fingerprint);
  return {
    findings: Object.fromEntries(report.findings.map((finding) => [nameOf(finding.fingerprint), finding.history])),
    resolved: report.history?.resolved.map((finding) => nameOf(finding.fingerprint)),
  };
}
