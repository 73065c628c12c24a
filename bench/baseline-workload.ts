// The baseline figure's workload: a report of 2,000 findings (200 requests of 10 drifted fields each) and a baseline
// of 200,000 entries shaped like the ones teams keep: the 2,000 entries --write-baseline wrote for those findings,
// fingerprints of drift long gone, pointer patterns with `*` and concrete indices, and entries naming only a check,
// an operation and a keyword. Deterministic: the same entries every run.
import { type Baseline, ignoreFileOf } from "../src/check/baseline.ts";
import { ReportBuilder } from "../src/check/report-builder.ts";
import type { BaselineEntry } from "../src/findings/baseline-entry.ts";
import { CHECK_NAMES } from "../src/findings/checks.ts";
import type { OperationId } from "../src/operations/operation-table.ts";
import type { DriftReport, ExchangeResult } from "../src/report/report-types.ts";

export const FINDINGS = 2_000;
export const ENTRIES = 200_000;
const FIELDS_PER_REQUEST = 10;
const STARTED = Date.parse("2026-01-10T12:00:00.000Z");
const OPERATIONS = ["list_logs", "get_log"] as const;

/** A request's result whose body drifted at ten fields of its own. */
function drifted(request: number): ExchangeResult {
  const operation = OPERATIONS[request % 2]!;
  const prefix = operation === "list_logs" ? `/data/${request % 50}` : "";
  return {
    name: `request ${request}`,
    kind: "recorded",
    operation: operation as OperationId,
    method: "GET",
    url: "http://127.0.0.1:9/api/video/logs",
    expectedStatus: [200],
    status: 200,
    passed: false,
    violations: Array.from({ length: FIELDS_PER_REQUEST }, (_, k) => ({
      check: "response-schema" as const,
      kind: "breaking" as const,
      keyword: "type",
      pointer: `${prefix}/field_${request}_${k}`,
      message: "m",
      expected: "string",
      actual: "1",
    })),
    requestId: null,
    durationMs: 0,
    curl: "curl",
  };
}

export function benchReport(): DriftReport {
  const builder = new ReportBuilder({
    target: { kind: "recording", file: "bench.har" },
    strict: false,
    active: new Set(CHECK_NAMES),
    skipped: [],
    redact: (text) => text,
    now: () => STARTED,
  });
  const results = Array.from({ length: FINDINGS / FIELDS_PER_REQUEST }, (_, request) =>
    builder.finish(drifted(request)),
  );
  return builder.build(results, { requests: 0 });
}

/** Entry `i` of the 198,000 that are not --write-baseline's: a quarter of each kind. */
function otherEntry(i: number): BaselineEntry {
  const operation = OPERATIONS[i % 2]!;
  const check = CHECK_NAMES[i % CHECK_NAMES.length]!;
  switch (i % 4) {
    case 0:
      return { check, fingerprint: (0x1000000000000000n + BigInt(i) * 7919n).toString(16).slice(0, 16) };
    case 1:
      return { check: "response-schema", operation, pointer: `/data/*/gone_${i}` };
    case 2:
      return { check: "response-schema", operation, status: 200, pointer: `/data/${i % 50}/gone_${i}/*` };
    default:
      return { check, operation, keyword: `keyword_${i}`, reason: "kept from an old run" };
  }
}

/** The report and two baselines: the 200,000 entries, and --write-baseline's 2,000 alone (the figure's baseline). */
export function baselineWorkload(): { report: DriftReport; large: Baseline; written: Baseline } {
  const report = benchReport();
  const written = ignoreFileOf(report).ignore;
  if (report.findings.length !== FINDINGS)
    throw new Error(`expected ${FINDINGS} findings, got ${report.findings.length}`);
  const others = Array.from({ length: ENTRIES - written.length }, (_, i) => otherEntry(i));
  const source = { kind: "ignore-file" } as const;
  return { report, large: { source, entries: [...others, ...written] }, written: { source, entries: written } };
}
