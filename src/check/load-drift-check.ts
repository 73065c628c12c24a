// The package entry's runDriftCheck and runHarCheck: the drift check's modules load on the first call, so importing
// the client (or the validator) does not pay for them.

import type { DriftReport } from "../report/report-types.ts";
import type { HarCheckOptions } from "./har/run-har-check.ts";
import type { DriftCheckOptions } from "./run-drift-check.ts";

/** Runs the drift check's tour against `options.client` and reports what the API does that the spec does not say. */
export async function runDriftCheck(options: DriftCheckOptions): Promise<DriftReport> {
  const { runDriftCheck: run } = await import("./run-drift-check.ts");
  return run(options);
}

/** Judges a HAR recording offline, with the checks that apply to one response. */
export async function runHarCheck(options: HarCheckOptions): Promise<DriftReport> {
  const { runHarCheck: run } = await import("./har/run-har-check.ts");
  return run(options);
}
