// A finding of the drift check: a violation with the name of the check that found it.
import { shortJson } from "../validation/short-json.ts";
import type { Violation } from "../validation/violation.ts";
import type { CheckName } from "./check-names.ts";

/** A violation in the report: which named check found it. */
export interface Finding extends Violation {
  check: CheckName;
}

/** Names the check of a violation the shared validators stated. */
export const foundBy = (check: CheckName, violation: Violation): Finding => ({ ...violation, check });

/** A breaking behaviour finding at `pointer` of the body. */
export function behaviourFinding(check: CheckName, keyword: string, pointer: string, message: string, expected: string, actual: unknown): Finding {
  return { check, kind: "breaking", keyword, pointer, message, expected, actual: typeof actual === "string" ? actual.slice(0, 120) : shortJson(actual) };
}
