// A check's server text without the credentials; its property names are the report's own and never change.
import { mapStrings } from "../redaction/map-strings.ts";
import type { ExchangeResult } from "../report/report-types.ts";

/** A copy of the check with `redact` applied to every string it holds, never to its property names. */
export function redactResult(check: ExchangeResult, redact: (text: string) => string): ExchangeResult {
  return mapStrings(check, redact, { names: false });
}
