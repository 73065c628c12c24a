// `video-logs check --har FILE [--har-prefix /prefix]`: the drift check of a recording, offline. Flags that steer
// requests have no meaning for it and are refused; the report, baseline and exit codes are the live check's.
import { isHarFileError } from "../../check/har/har-file-error.ts";
import type { HarCheckOptions } from "../../check/har/run-har-check.ts";
// Loaded on the first call, so that a live check never loads the recording's reader or its HAR validator.
import { runHarCheck } from "../../check/load-drift-check.ts";
import type { DriftReport } from "../../report/report-types.ts";
import { CommandFailure } from "../command-failure.ts";
import { integerFlag } from "../parse-command-args.ts";
import { UsageError } from "../usage-error.ts";
import { LIVE_ONLY_FLAGS, MAX_RECORDING_BYTES_RANGE } from "./check-flags.ts";

/** Refuses the live-only flags given beside --har (or a --har-prefix without --har), naming them. */
export function assertRecordingFlags(values: Record<string, unknown>): void {
  if (values.har === undefined) {
    if (values["har-prefix"] !== undefined)
      throw new UsageError("--har-prefix strips a proxy's path prefix from a recording's paths: it needs --har FILE");
    // A number out of its range is refused as such first, as every whole-number flag is.
    integerFlag("max-recording-bytes", values["max-recording-bytes"] as string | undefined, MAX_RECORDING_BYTES_RANGE);
    if (values["max-recording-bytes"] !== undefined)
      throw new UsageError("--max-recording-bytes bounds the recording --har reads: it needs --har FILE");
    return;
  }
  const given = LIVE_ONLY_FLAGS.filter((flag) => values[flag] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `--har judges a recording offline, so ${given.map((flag) => `--${flag}`).join(", ")} cannot go with it: no request is sent`,
    );
  }
}

/** `/some/prefix`: a path of one or more segments, no query or fragment; a trailing slash is dropped. */
export function harPrefixFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const prefix = value.replace(/\/+$/, "");
  if (!/^(\/[^/?#\s]+)+$/.test(prefix)) {
    throw new UsageError(
      `--har-prefix must be a path such as /proxy/signalwire (no query, no fragment), got ${JSON.stringify(value.slice(0, 80))}`,
    );
  }
  // A recorded URL's path is compared as the URL parser normalises it, with no dot segment left (`%2e` is a dot there
  // too): such a prefix would match nothing.
  if (prefix.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) {
    throw new UsageError(
      `--har-prefix cannot hold a . or .. segment (recorded paths are compared normalised), got ${JSON.stringify(value.slice(0, 80))}`,
    );
  }
  return prefix;
}

/** Runs the recording check; a file that is not a readable HAR 1.2 log stops the command with where it went wrong. */
export async function checkRecording(options: HarCheckOptions): Promise<DriftReport> {
  try {
    return await runHarCheck(options);
  } catch (error) {
    if (isHarFileError(error)) throw new CommandFailure(error.message);
    throw error;
  }
}
