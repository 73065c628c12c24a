// Known drift: `check --baseline FILE` reads an earlier JSON report or a small ignore file, and marks the findings
// already listed there as known. A known finding is still reported but does not fail the run; a new one does.
import type { DriftReport } from "../report/report-types.ts";
import { withFindings } from "./report-builder.ts";

/** One known finding; a field left out matches any value. */
export interface BaselineEntry {
  check?: string;
  operation?: string;
  pointer?: string;
  keyword?: string;
}

/** The fields that identify a finding across runs (names and URLs hold times and page tokens, so they do not). */
const KEYS = ["check", "operation", "pointer", "keyword"] as const;

/**
 * Reads a baseline: an earlier drift report (`{"version", "checks": [...]}`, every finding of it known) or an ignore
 * file (`{"ignore": [{"check": …, "operation": …, "pointer": …, "keyword": …}]}`). Returns undefined when the value is
 * neither, for the caller to say so.
 */
export function parseBaseline(value: unknown): BaselineEntry[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.ignore)) {
    const entries = record.ignore.map(entryOf);
    return entries.every((e) => e !== undefined) ? (entries as BaselineEntry[]) : undefined;
  }
  const exchanges = record.exchanges ?? record.checks;
  if (Array.isArray(exchanges)) {
    const entries: BaselineEntry[] = [];
    for (const check of exchanges as unknown[]) {
      const c = check as { operation?: unknown; violations?: unknown };
      if (typeof c !== "object" || c === null || !Array.isArray(c.violations)) return undefined;
      for (const v of c.violations as Record<string, unknown>[]) {
        const entry = entryOf({ ...v, operation: c.operation });
        if (!entry) return undefined;
        entries.push(Object.fromEntries(KEYS.map((k) => [k, entry[k]])) as BaselineEntry);
      }
    }
    return entries;
  }
  return undefined;
}

function entryOf(value: unknown): BaselineEntry | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const entry: BaselineEntry = {};
  for (const key of KEYS) {
    if (record[key] === undefined) continue;
    if (typeof record[key] !== "string") return undefined;
    entry[key] = record[key] as string;
  }
  return Object.keys(entry).length > 0 ? entry : undefined;
}

/**
 * The report with every finding the baseline lists marked `known: true`, its findings grouped again: a finding all of
 * whose occurrences are known is counted in `summary.known`, out of `breaking` and `additive`; so only new drift fails.
 */
export function applyBaseline(report: DriftReport, baseline: readonly BaselineEntry[]): DriftReport {
  const exchanges = report.exchanges.map((exchange) => {
    const violations = exchange.violations.map((v) => {
      const fields = { check: v.check, operation: exchange.operation, pointer: v.pointer, keyword: v.keyword };
      const isKnown = baseline.some((entry) => KEYS.every((k) => entry[k] === undefined || entry[k] === fields[k]));
      return isKnown ? { ...v, known: true as const } : v;
    });
    return { ...exchange, violations };
  });
  return withFindings({ ...report, exchanges, summary: { ...report.summary, known: 0 } });
}
