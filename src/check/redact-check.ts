// A check's server text without the credentials; its property names are the report's own and never change.
import { mapStrings } from "../redaction/map-strings.ts";
import type { CheckResult } from "./report-types.ts";

/** A copy of the check with `redact` applied to every string it holds, never to its property names. */
export function redactCheck(check: CheckResult, redact: (text: string) => string): CheckResult {
  return mapStrings(check, redact, { names: false });
}
