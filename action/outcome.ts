// What one run of the action found, whatever the mode: the verdict, the counts, the reports and what to annotate.
import type { Annotation } from "./workflow-commands.ts";

export type Verdict = "ok" | "drift" | "error";

/** A finding to annotate: its fingerprint finds its line in the SARIF report, when there is one. */
export interface AnnotatedFinding extends Omit<Annotation, "file" | "line" | "col"> {
  fingerprint?: string;
}

export interface Outcome {
  verdict: Verdict;
  /** Output name → count (breaking, additive… for check; breaking, non-breaking, informational for diff). */
  counts: Record<string, number>;
  /** Format → path of every report written, relative to the workspace or absolute. */
  reports: Record<string, string>;
  /** The Markdown for the summary and the comment. */
  markdown: string;
  /** The findings to annotate, the most severe first. */
  findings: AnnotatedFinding[];
  /** The file a finding without a SARIF location points at (the spec judged by), if any. */
  defaultFile?: string;
  /** check: findings new or regressed since the history's earlier runs (all failing findings without a history). */
  newDrift: number;
}

/** The exit code of `video-logs check` or `diff` as a verdict: 0 ok, 1 drift, anything else error. */
export function verdictOf(code: number): Verdict {
  if (code === 0) return "ok";
  return code === 1 ? "drift" : "error";
}
