// GitLab Code Quality issues (schemas/gitlab-code-quality.schema.json, written from GitLab's documentation): the
// check's and the diff's reports alike, each issue at the line of the spec its finding is about.
import { safeJson } from "./escape-json.ts";
import { bounded } from "./sarif-log.ts";
import type { SpecLocations } from "./spec-locations.ts";

/** GitLab's severities, worst first. */
export type CodeQualitySeverity = "blocker" | "critical" | "major" | "minor" | "info";

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/** One issue: what it says, its rule, its fingerprint and severity, at the node `pointer` of the spec. */
export function codeQualityIssue(
  spec: SpecLocations,
  pointer: string,
  issue: Omit<CodeQualityIssue, "location">,
): CodeQualityIssue {
  const { line } = spec.positions.locate(pointer).position;
  return { ...issue, description: bounded(issue.description), location: { path: spec.path, lines: { begin: line } } };
}

/** The issues as GitLab reads them: a JSON array. */
export function formatCodeQuality(issues: readonly CodeQualityIssue[]): string {
  return `${safeJson(issues, 2)}\n`;
}
