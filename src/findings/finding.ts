// A finding of the drift check: a violation with the name of the check that found it.
import type { Redactor } from "../redaction/redactor.ts";
import { shortJson } from "../validation/short-json.ts";
import type { Violation } from "../validation/violation.ts";
import type { CheckName } from "./checks.ts";

/** A violation in the report: which named check found it. */
export interface Finding extends Violation {
  check: CheckName;
  /** Set when `check --baseline` lists this finding: reported, but it does not fail the run. */
  known?: true;
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
