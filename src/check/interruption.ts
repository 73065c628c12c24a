// A run cut short: the caller's signal aborted (the CLI aborts it on Ctrl-C or SIGTERM). Both runners stop starting
// work, keep every result already judged, and mark the report with why.
import type { DriftReport } from "../report/report-types.ts";

/** The report's `interrupted`, when the signal has aborted: its reason as text (the CLI's is the signal's name). */
export function interruptionOf(signal: AbortSignal | undefined): DriftReport["interrupted"] {
  if (!signal?.aborted) return undefined;
  const { reason } = signal;
  return { reason: typeof reason === "string" ? reason : reason instanceof Error ? reason.message : String(reason) };
}
