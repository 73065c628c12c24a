// How the judged responses of a report stand, each counted once under the worst of its findings: the counts the summary
// line gives after "N judged:", which add up to N.
import type { DriftReport, ExchangeResult } from "./report-types.ts";

export interface JudgedResponses {
  /** No finding. */
  conform: number;
  /** A breaking finding not known (or a body that could not be judged at all). */
  breaking: number;
  /** Additive findings not known, and no breaking one. */
  additive: number;
  /** Only findings a baseline lists. */
  known: number;
}

type Standing = keyof JudgedResponses;

function standingOf(result: ExchangeResult): Standing {
  if (result.passed) return "conform";
  const unknown = result.violations.filter((finding) => !finding.known);
  if (result.error === undefined && unknown.length === 0 && result.violations.length > 0) return "known";
  if (result.error === undefined && unknown.length > 0 && unknown.every((finding) => finding.kind === "additive"))
    return "additive";
  return "breaking";
}

/** The responses judged (a status came back), by standing. */
export function judgedResponses(report: Pick<DriftReport, "exchanges">): JudgedResponses {
  const counts: JudgedResponses = { conform: 0, breaking: 0, additive: 0, known: 0 };
  for (const result of report.exchanges) if (result.status !== null) counts[standingOf(result)]++;
  return counts;
}
