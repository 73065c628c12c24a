// A recording of `check --record` read for `check --replay`: every entry's `_videoLogs` checked (recorded-run.ts),
// all of one run, and the entries with their probes. A recording of anything else is refused, naming the entry.
import type { HarEntry, HarLog } from "../har/har-types.ts";
import type { ProbeIdentity } from "../tour/tour-transport.ts";
import { type RecordedRun, recordedFields, runOf } from "./recorded-run.ts";

export interface RecordedTour {
  run: RecordedRun;
  entries: { entry: HarEntry; probe: ProbeIdentity }[];
}

/** The tour of `log`, or a sentence saying why it is none: no entry, an entry not of check --record, two runs. */
export function recordedTour(log: HarLog): RecordedTour | string {
  const entries: RecordedTour["entries"] = [];
  let run: RecordedRun | undefined;
  let runKey: string | undefined;
  for (const [index, entry] of log.log.entries.entries()) {
    const fields = recordedFields((entry as { _videoLogs?: unknown })._videoLogs);
    if (typeof fields === "string") return `entry ${index}: ${fields}`;
    const key = JSON.stringify(runOf(fields));
    if (runKey === undefined) [run, runKey] = [runOf(fields), key];
    else if (key !== runKey)
      return `entry ${index} is of another run than entry 0 (its seed, pin, target or options differ)`;
    entries.push({ entry, probe: fields.probe });
  }
  if (run === undefined) return "it holds no entry: check --record wrote no exchange to it";
  return { run, entries };
}
