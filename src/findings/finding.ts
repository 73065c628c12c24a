// A finding of the drift check: a violation with the name of the check that found it.
import type { Redactor } from "../redaction/redactor.ts";
import { shortJson } from "../validation/short-json.ts";
import type { Violation } from "../validation/violation.ts";
import type { CheckName } from "./checks.ts";
import type { FindingHistory } from "./finding-history.ts";

/** A violation in one exchange of the report: which named check found it. */
export interface Finding extends Violation {
  check: CheckName;
  /** The identity of the drift it is an occurrence of: the `fingerprint` of a DriftFinding (fingerprint.ts). */
  fingerprint?: string;
  /** Set when `check --baseline` lists this finding: reported, but it does not fail the run. */
  known?: true;
}

/** The most requests a drift finding lists; `count` counts them all. */
export const MAX_LISTED_REQUESTS = 10;

/** Where an occurrence was seen: the response's request id (null when it had none) and its index in `exchanges`. */
export interface RequestReference {
  requestId: string | null;
  exchange: number;
}

/** What a finding is, the fields its fingerprint is made of, and its severity. */
export interface FindingIdentity {
  check: CheckName;
  operation: string;
  /** The response status, or null when none came. */
  status: number | null;
  /** The instance pointer with `*` for each array index: `/data/*\/charge`. */
  pointer: string;
  keyword: string;
  severity: Violation["kind"];
}

/**
 * One drift, however many requests show it: the occurrences of one fingerprint grouped, with their count, the first
 * MAX_LISTED_REQUESTS requests that showed it (each once), and the first occurrence as the example.
 */
export interface DriftFinding extends FindingIdentity {
  fingerprint: string;
  /** The responses that showed it, each once however many times (the items of one page). */
  count: number;
  requests: RequestReference[];
  example: { message: string; expected: string; actual: string; curl: string; requestId: string | null };
  known?: true;
  /** Set with `check --history`: new, recurring, regressed or flapping, since when, in how many runs. */
  history?: FindingHistory;
}

/**
 * The check a violation the client states (on a 2xx response, by its validation and its pagination walk) belongs
 * to: an undeclared status is status-code's, a pagination link that loops or is not a URL pagination-integrity's,
 * anything else response-schema's.
 */
export function checkOfViolation(violation: Violation): CheckName {
  if (violation.keyword === "status") return "status-code";
  return violation.keyword === "pagination" ? "pagination-integrity" : "response-schema";
}

/** Names the check of a violation the shared validators stated. */
export const foundBy = (check: CheckName, violation: Violation): Finding => ({ ...violation, check });

/** A breaking behaviour finding at `pointer` of the body; `actual` is server data, redacted before it is cut. */
export function behaviourFinding(
  check: CheckName,
  keyword: string,
  pointer: string,
  message: string,
  expected: string,
  actual: unknown,
  redactor: Redactor,
): Finding {
  return {
    check,
    kind: "breaking",
    keyword,
    pointer,
    message,
    expected,
    actual: typeof actual === "string" ? redactor.cut(actual, 120).text : shortJson(actual, redactor),
  };
}
