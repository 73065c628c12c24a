// The drift report as SARIF 2.1.0: one rule per named check, one result per finding (each drift once), located at the
// line of the spec that declares what the finding is about, tracked across runs by the finding's fingerprint.
import type { ReportingDescriptor, Result } from "sarif";
import { CHECKS } from "../findings/checks.ts";
import type { DriftFinding } from "../findings/finding.ts";
import type { FindingState } from "../findings/finding-history.ts";
import type { FindingLocator } from "./finding-location.ts";
import type { DriftReport } from "./report-types.ts";
import { bounded, FINGERPRINT_KEY, formatSarifLog, specLocation } from "./sarif-log.ts";
import type { SpecLocations } from "./spec-locations.ts";

/** The spec a report's findings are located in, and the locator of their nodes. */
export interface FindingSpec {
  spec: SpecLocations;
  locator: FindingLocator;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const RULES: ReportingDescriptor[] = CHECKS.map((check) => ({
  id: check.name,
  name: check.name,
  shortDescription: { text: `The ${check.name} check: ${check.summary.split(/[(:;]/, 1)[0]!.trim()}` },
  fullDescription: { text: `${capitalized(check.summary)}.` },
  help: {
    text: `${capitalized(check.summary)}. A finding names the node of the spec it contradicts. Run only this check with --checks ${check.name}, or leave it out with --skip-checks ${check.name}; a finding a --baseline file lists is reported as known and does not fail the run.`,
  },
  defaultConfiguration: { level: "error" },
  properties: { tags: ["api-drift"], ...(check.schemathesis ? { schemathesis: check.schemathesis } : {}) },
}));

/** A history's state of a finding as SARIF's comparison with the earlier runs. */
const BASELINE_STATES = {
  new: "new",
  regressed: "new",
  recurring: "unchanged",
  flapping: "updated",
} as const satisfies Record<FindingState, Result.baselineState>;

const RULE_INDEX = new Map(RULES.map((rule, index) => [rule.id, index]));

export function formatSarif(report: DriftReport, { spec, locator }: FindingSpec): string {
  return formatSarifLog({
    rules: RULES,
    results: report.findings.map((finding) => findingResult(finding, spec, locator.specPointer(finding))),
    notes: [...report.skipped.map(({ check, reason }) => `${check} skipped: ${reason}`), ...report.notes],
    complete: report.interrupted === undefined && report.summary.errors === 0,
  });
}

function findingResult(finding: DriftFinding, spec: SpecLocations, specPointer: string): Result {
  return {
    ruleId: finding.check,
    ruleIndex: RULE_INDEX.get(finding.check)!,
    level: finding.severity === "breaking" ? "error" : "warning",
    message: { text: bounded(findingText(finding)) },
    locations: [specLocation(spec, specPointer, { operation: finding.operation, pointer: finding.pointer })],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.known ? { suppressions: [{ kind: "external", justification: "listed in the --baseline file" }] } : {}),
    ...(finding.history ? { baselineState: BASELINE_STATES[finding.history.state] } : {}),
    properties: {
      operation: finding.operation,
      status: finding.status,
      pointer: finding.pointer,
      keyword: finding.keyword,
      count: finding.count,
      expected: bounded(finding.example.expected),
      actual: bounded(finding.example.actual),
    },
  };
}

/** `get_log 200 /charge: expected number, got string (3 responses)`. */
export function findingText(finding: DriftFinding): string {
  const where = [finding.operation, finding.status ?? "no response", finding.pointer].filter((part) => part !== "");
  const seen = finding.count === 1 ? "1 response" : `${finding.count} responses`;
  return `${where.join(" ")}: ${finding.example.message} (${seen})`;
}
