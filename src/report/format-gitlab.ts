// The drift report as GitLab Code Quality JSON: one issue per finding, at the same line of the spec as SARIF's result,
// with the same fingerprint. Breaking is `critical`, additive `minor`; a known finding (in the --baseline) is `info`.
import type { DriftFinding } from "../findings/finding.ts";
import type { FindingSpec } from "./format-sarif.ts";
import { findingText } from "./format-sarif.ts";
import { type CodeQualityIssue, codeQualityIssue, formatCodeQuality } from "./gitlab-code-quality.ts";
import type { DriftReport } from "./report-types.ts";

export function formatGitlab(report: DriftReport, { spec, locator }: FindingSpec): string {
  return formatCodeQuality(
    report.findings.map((finding) =>
      codeQualityIssue(spec, locator.specPointer(finding), {
        description: findingText(finding),
        check_name: finding.check,
        fingerprint: finding.fingerprint,
        severity: severityOf(finding),
      }),
    ),
  );
}

function severityOf(finding: DriftFinding): CodeQualityIssue["severity"] {
  if (finding.known) return "info";
  return finding.severity === "breaking" ? "critical" : "minor";
}
