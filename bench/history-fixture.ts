// The drift history's benchmark input: a history of `runs` runs, each seeing `fingerprints` findings, and the report
// of one more run that sees them too, as `check --history` would record it.

import type { DriftFinding } from "../src/findings/finding.ts";
import { fingerprintOf } from "../src/findings/fingerprint.ts";
import { HISTORY_FORMAT, HISTORY_VERSION, type HistoryDocument } from "../src/history/history-types.ts";
import type { DriftReport } from "../src/report/report-types.ts";

const TARGET = { baseUrl: "https://example.signalwire.com", kind: "space" } as const;
const SPEC_HASH = `sha256:${"0".repeat(64)}`;
const HOUR = 3_600_000;
const START = Date.parse("2026-01-01T00:00:00Z");

function findingsOf(count: number): DriftFinding[] {
  return Array.from({ length: count }, (_, i) => {
    const identity = {
      check: "response-schema" as const,
      operation: i % 2 ? "list_logs" : "get_log",
      status: 200,
      pointer: `/data/*/field_${i}`,
      keyword: "type",
    };
    return {
      fingerprint: fingerprintOf(identity),
      ...identity,
      severity: "breaking" as const,
      count: 1 + (i % 7),
      requests: [{ requestId: null, exchange: 0 }],
      example: { message: "m", expected: "e", actual: "a", curl: "curl", requestId: null },
    };
  });
}

export function historyBenchInput({ runs, fingerprints }: { runs: number; fingerprints: number }) {
  const findings = findingsOf(fingerprints);
  const at = (n: number) => new Date(START + n * HOUR).toISOString();
  const history: HistoryDocument = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    findings: Object.fromEntries(
      findings.map(({ fingerprint, check, operation, status, pointer, keyword, severity }) => [
        fingerprint,
        { check, operation, status, pointer, keyword, severity, firstSeen: at(0), lastSeen: at(runs - 1) },
      ]),
    ),
    runs: Array.from({ length: runs }, (_, n) => ({
      startedAt: at(n),
      target: TARGET,
      toolVersion: "0.1.0",
      specHash: SPEC_HASH,
      verdict: "DRIFT" as const,
      complete: true,
      plan: { "response-schema": ["get_log", "list_logs"] },
      // Every run sees all but a tenth of them, a different tenth each time: states of every kind.
      seen: findings.filter((_, i) => (i + n) % 10 !== 0).map((f) => f.fingerprint),
      counts: findings.filter((_, i) => (i + n) % 10 !== 0).map((f) => f.count),
    })),
  };
  const report: DriftReport = {
    version: 8,
    tool: { name: "signalwire-video-logs", version: "0.1.0" },
    target: TARGET,
    startedAt: at(runs),
    durationMs: 0,
    strict: false,
    checksRun: ["response-schema"],
    skipped: [],
    notes: [],
    summary: { requests: 10, checked: 10, passed: 0, breaking: fingerprints, additive: 0, errors: 0 },
    findings,
    exchanges: [],
    plan: ["get_log", "list_logs"].map((operation) => ({ check: "response-schema", operation, exercised: true })),
    coverage: { percent: 100, declared: 0, seen: 0, operations: {} },
  };
  return { history, report, specHash: SPEC_HASH };
}
