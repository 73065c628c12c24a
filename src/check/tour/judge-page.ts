// The listing stage's judge: a page's findings for conformance, against the listing's own query
// (parameters-honoured on page 1, pagination-integrity after), and for an id seen twice in one listing.
import type { PageStep } from "../../client/page-walk.ts";
import type { CheckName } from "../../findings/checks.ts";
import { behaviourFinding, checkOfViolation, type Finding, foundBy } from "../../findings/finding.ts";
import type { Operation } from "../../operations/operation-table.ts";
import { judgeConformance } from "../judge-conformance.ts";
import { pageBreaksQuery } from "../listing-filters.ts";

/** A page's findings: conformance, its query (parameters-honoured on page 1, pagination-integrity after), ids twice. */
export function judgePage(
  step: PageStep,
  operation: Operation,
  query: Record<string, unknown>,
  checkFor: (parameter: string) => CheckName,
  ids: Set<string>,
): { findings: Finding[]; notes: string[]; broken: string[] } {
  const findings = judgeConformance(step.exchange, [200], "status-code");
  const notes: string[] = [];
  let broken: string[] = [];
  if (step.end.kind === "violation") {
    findings.push(foundBy(checkOfViolation(step.end.violation), step.end.violation));
  }
  if (step.end.kind === "unsafe") {
    const next = (step.exchange.parsed as { body?: { links?: { next?: unknown } } }).body?.links?.next;
    // Legitimate behind a proxy or against a mock serving absolute example links: note it, read no further.
    notes.push(
      `pagination-integrity: links.next leaves the base URL; not followed: ${step.exchange.redactor.cut(JSON.stringify(next) ?? "", 200).text}`,
    );
  }
  if (step.exchange.response.ok && step.exchange.parsed.ok) {
    const honoured = pageBreaksQuery(operation, query, step.items, checkFor, step.exchange.redactor);
    findings.push(...honoured.findings);
    broken = honoured.broken;
    step.items.forEach((item, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== "string") return;
      if (ids.has(id)) {
        findings.push(
          behaviourFinding(
            "pagination-integrity",
            "duplicate",
            `/data/${index}/id`,
            `an id appears twice in one listing (read under a created_before pin, so no new item can shift the pages)`,
            "each id once per listing",
            id,
            step.exchange.redactor,
          ),
        );
      }
      ids.add(id);
    });
    if (step.items.length === 0 && step.end.kind === "next")
      notes.push("pagination-integrity: an empty page still links to a next page");
  }
  return { findings, notes, broken };
}
