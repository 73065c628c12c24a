// The spec diff as SARIF 2.1.0 and GitLab Code Quality: one rule per kind of change, one result per difference at the
// line of theirs (the document now in force) where it is written, or for a thing gone from theirs, at the nearest node
// theirs still has; the place in ours is a related location. Levels: breaking → error, non-breaking → warning,
// informational → note; in GitLab, critical, minor and info.
import type { ReportingDescriptor, Result } from "sarif";
import type { CodeQualityIssue } from "../report/gitlab-code-quality.ts";
import { codeQualityIssue, formatCodeQuality } from "../report/gitlab-code-quality.ts";
import { bounded, FINGERPRINT_KEY, formatSarifLog, specLocation } from "../report/sarif-log.ts";
import type { SpecLocations } from "../report/spec-locations.ts";
import { KINDS, type Level, RULES, type Rule } from "./classify.ts";
import type { Difference, DiffReport } from "./diff-documents.ts";

/** The two documents compared, as the located reports name them. */
export interface DiffSpecs {
  ours: SpecLocations;
  theirs: SpecLocations;
}

const SARIF_LEVELS = { breaking: "error", "non-breaking": "warning", informational: "note" } as const;
const GITLAB_SEVERITIES: Record<Level, CodeQualityIssue["severity"]> = {
  breaking: "critical",
  "non-breaking": "minor",
  informational: "info",
};

const RULE_LIST: ReportingDescriptor[] = KINDS.map((kind) => {
  const rule = RULES[kind] as Rule;
  const levels = (["operation", "response", "request"] as const)
    .filter((context) => rule[context] !== undefined)
    .map((context) => `${rule[context]} in ${context === "operation" ? "an operation" : `a ${context}`}`);
  const words = kind.replace(/-/g, " ");
  return {
    id: kind,
    name: kind,
    shortDescription: { text: `${words.charAt(0).toUpperCase()}${words.slice(1)}` },
    fullDescription: { text: `${words.charAt(0).toUpperCase()}${words.slice(1)}: ${rule.why}.` },
    help: { text: `A ${words} difference is ${levels.join(", ")}: ${rule.why}. See docs/spec-diff.md for every rule.` },
    properties: { tags: ["api-diff"] },
  };
});

const RULE_INDEX = new Map(RULE_LIST.map((rule, index) => [rule.id, index]));

export function formatDiffSarif(report: DiffReport, specs: DiffSpecs): string {
  return formatSarifLog({
    rules: RULE_LIST,
    results: report.differences.map((d) => differenceResult(d, specs)),
    notes: [],
    complete: true,
  });
}

export function formatDiffGitlab(report: DiffReport, specs: DiffSpecs): string {
  return formatCodeQuality(
    report.differences.map((difference) =>
      codeQualityIssue(specs.theirs, locatedPointer(difference), {
        description: differenceText(difference),
        check_name: difference.kind,
        fingerprint: difference.fingerprint,
        severity: GITLAB_SEVERITIES[difference.level],
      }),
    ),
  );
}

/** Where in theirs a difference is: its own pointer there, else (a thing theirs lacks) where ours writes it. */
const locatedPointer = (difference: Difference): string => difference.theirs ?? difference.ours ?? "";

function differenceResult(difference: Difference, specs: DiffSpecs): Result {
  const logical = { operation: difference.operation, pointer: locatedPointer(difference) };
  const inOurs =
    difference.ours === null
      ? undefined
      : specLocation(specs.ours, difference.ours, { operation: difference.operation, pointer: difference.ours });
  return {
    ruleId: difference.kind,
    ruleIndex: RULE_INDEX.get(difference.kind)!,
    level: SARIF_LEVELS[difference.level],
    message: { text: bounded(differenceText(difference)) },
    locations: [specLocation(specs.theirs, locatedPointer(difference), logical)],
    ...(inOurs ? { relatedLocations: [{ ...inOurs, id: 1, message: { text: "where ours declares it" } }] } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: difference.fingerprint },
    properties: { level: difference.level, ours: difference.ours, theirs: difference.theirs },
  };
}

/** `GET /logs: Response 200 body field "charge" can now be null`; the message names the operations when several. */
function differenceText(difference: Difference): string {
  return difference.operation === undefined ? difference.message : `${difference.operation}: ${difference.message}`;
}
