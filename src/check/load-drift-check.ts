// The package entry's runDriftCheck: the drift check's modules load on its first call, so importing the client (or
// the validator) does not pay for them.
import type { DriftReport } from "./report-types.ts";
import type { DriftCheckOptions } from "./run-drift-check.ts";

/** Runs the drift check's tour against `options.client` and reports what the API does that the spec does not say. */
export async function runDriftCheck(options: DriftCheckOptions): Promise<DriftReport> {
  const { runDriftCheck: run } = await import("./run-drift-check.ts");
  return run(options);
}
