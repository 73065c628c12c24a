// Runs the comparison and turns findings into the report: de-duplicated, classified, breaking first.
import { canonicalHash } from "../findings/fingerprint.ts";
import { DiffBudget, type DiffLimits } from "./budget.ts";
import { classify, type Kind, type Level } from "./classify.ts";
import { compareOperations } from "./compare-operations.ts";
import type { DiffFinding } from "./finding.ts";
import type { LoadedDocument } from "./load-document.ts";

export interface Difference {
  level: Level;
  kind: Kind;
  message: string;
  /** Present when the difference concerns one operation; absent when a shared schema changes several. */
  operation?: string;
  ours: string | null;
  theirs: string | null;
  /** The difference's identity across runs: a hash of its kind, operation and pointers (differenceFingerprint). */
  fingerprint: string;
}

/**
 * The diff report's shape, for machines. 2: every difference carries its `fingerprint`, the same for the same change
 * in every run (the SARIF and GitLab reports track it by this). 1: the first.
 */
export const DIFF_REPORT_VERSION = 2;

/** Raised when the canonical string changes, as findings' fingerprints do (findings/fingerprint.ts). */
const DIFFERENCE_NAMESPACE = "video-logs-difference/1";

/** A difference's fingerprint: its kind, operation (null when several) and its pointers into ours and theirs. */
export function differenceFingerprint(difference: Omit<Difference, "fingerprint" | "message" | "level">): string {
  return canonicalHash(DIFFERENCE_NAMESPACE, [
    difference.kind,
    difference.operation ?? null,
    difference.ours,
    difference.theirs,
  ]);
}

export interface DocumentSummary {
  title: string;
  version: string;
}

export interface DiffReport {
  version: typeof DIFF_REPORT_VERSION;
  ours: DocumentSummary;
  theirs: DocumentSummary;
  summary: { breaking: number; nonBreaking: number; informational: number };
  differences: Difference[];
}

const LEVEL_ORDER: Level[] = ["breaking", "non-breaking", "informational"];

export interface DiffOptions {
  /** Bounds on the work of one diff (defaults: DEFAULT_DIFF_LIMITS); past one, a DiffLimitError says where. */
  limits?: Partial<DiffLimits>;
}

export function diffDocuments(ours: LoadedDocument, theirs: LoadedDocument, options: DiffOptions = {}): DiffReport {
  const differences = groupFindings(compareOperations(ours, theirs, new DiffBudget(options.limits)))
    .map(toDifference)
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  const count = (level: Level) => differences.filter((difference) => difference.level === level).length;
  return {
    version: DIFF_REPORT_VERSION,
    ours: { title: ours.title, version: ours.version },
    theirs: { title: theirs.title, version: theirs.version },
    summary: { breaking: count("breaking"), nonBreaking: count("non-breaking"), informational: count("informational") },
    differences,
  };
}

/** A shared component reached from several places yields one finding per place; they are one difference. */
function groupFindings(findings: DiffFinding[]): DiffFinding[][] {
  const groups = new Map<string, DiffFinding[]>();
  for (const finding of findings) {
    const key = [finding.kind, finding.context, finding.ours, finding.theirs].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()];
}

function toDifference(group: DiffFinding[]): Difference {
  const [first, ...others] = group as [DiffFinding, ...DiffFinding[]];
  const operations = new Set(group.map((finding) => finding.operation));
  const elsewhere = [...new Set(others.map((finding) => `${finding.operation} ${finding.subject}`))];
  const sentence = `${capitalize(first.subject)} ${first.change}`;
  const message =
    elsewhere.length === 0 ? sentence : `${sentence} (in ${first.operation}; also ${elsewhere.join("; ")})`;
  const identity = {
    kind: first.kind,
    ...(operations.size === 1 ? { operation: first.operation } : {}),
    ours: first.ours,
    theirs: first.theirs,
  };
  return {
    level: classify(first.kind, first.context),
    kind: first.kind,
    message,
    ...(identity.operation === undefined ? {} : { operation: identity.operation }),
    ours: first.ours,
    theirs: first.theirs,
    fingerprint: differenceFingerprint(identity),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
