// `check --record FILE`, `check --replay FILE` and `--seed N`: the flags read and checked, the recording opened for
// the live tour and closed after it, and the replay of a recording set up (its run read, its options compared with
// the flags, clients that never send). The recording's code is loaded only when one of them is given.
import type { RecordingWriter } from "../../check/har/recording-writer.ts";
import type { RecordedOptions, RecordedRun } from "../../check/replay/recorded-run.ts";
import type { DriftCheckOptions } from "../../check/run-drift-check.ts";
import { SEED_RANGE } from "../../check/tour-defaults.ts";
import type { VideoLogsClient } from "../../client/create-client.ts";
import { CommandFailure } from "../command-failure.ts";
import { integerFlag } from "../parse-command-args.ts";
import { UsageError } from "../usage-error.ts";

/** What --replay cannot go with: nothing is sent, so no target and no sending option. */
const NOT_WITH_REPLAY = ["base-url", "space", "mock", "rate", "timeout", "record"] as const;

/** Refuses --replay beside the flags it cannot go with, naming them; --har refuses --record, --replay and --seed. */
export function assertReplayFlags(values: Record<string, unknown>): void {
  if (values.har !== undefined) {
    const given = ["record", "replay", "seed"].filter((flag) => values[flag] !== undefined);
    if (given.length > 0)
      throw new UsageError(
        `--har judges each recorded response on its own, so ${given.map((f) => `--${f}`).join(", ")} cannot go with it: use --replay FILE to run a recorded tour again`,
      );
  }
  if (values.replay === undefined) return;
  const given = NOT_WITH_REPLAY.filter((flag) => values[flag] !== undefined);
  if (given.length > 0)
    throw new UsageError(
      `--replay answers every request from the recording, so ${given.map((f) => `--${f}`).join(", ")} cannot go with it: nothing is sent`,
    );
}

/** `--seed N`, or undefined when not given. */
export const seedFlag = (value: string | undefined) => integerFlag("seed", value, SEED_RANGE);

/** The run's options that the recording keeps, from what the flags say (defaults applied). */
export async function runOptions(
  tour: { pages: number; sample: number; maxRequests: number; concurrency: number; minCoverage?: number },
  values: { strict?: boolean; "no-auth-probe"?: boolean; spec?: string; checks?: string; "skip-checks"?: string },
): Promise<RecordedOptions> {
  const { specHash } = await import("../../openapi/spec-hash.ts");
  const names = (value: string | undefined) =>
    value === undefined
      ? null
      : value
          .split(",")
          .map((name) => name.trim())
          .filter((name) => name !== "")
          .sort();
  return {
    pages: tour.pages,
    sample: tour.sample,
    maxRequests: tour.maxRequests,
    concurrency: tour.concurrency,
    strict: Boolean(values.strict),
    checks: names(values.checks),
    skipChecks: names(values["skip-checks"]),
    minCoverage: tour.minCoverage ?? null,
    authProbes: !values["no-auth-probe"],
    specHash: specHash(values.spec),
  };
}

export interface Recorder {
  transport: NonNullable<DriftCheckOptions["transport"]>;
  writer: RecordingWriter;
}

/** Opens `file` for the tour's exchanges (a temporary file beside it until close). */
export async function openRecorder(file: string, client: VideoLogsClient, run: RecordedRun): Promise<Recorder> {
  const [{ openRecordingWriter }, { recordingTransport }, { redactorOf }, { VERSION }] = await Promise.all([
    import("../../check/har/recording-writer.ts"),
    import("../../check/replay/record-transport.ts"),
    import("../../client/create-client.ts"),
    import("../../version.ts"),
  ]);
  const redactor = redactorOf(client);
  let writer: RecordingWriter;
  try {
    writer = await openRecordingWriter(file, {
      format: "har",
      creator: { name: "signalwire-video-logs", version: VERSION },
      redactor,
    });
  } catch (error) {
    throw new CommandFailure(`Cannot write the recording ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return { writer, transport: recordingTransport(writer, redactor, run) };
}

/** Ends the recording: renamed into place when the tour ended, removed when it failed. */
export async function closeRecorder(recorder: Recorder | undefined, file: string, completed: boolean): Promise<void> {
  if (!recorder) return;
  if (!completed) return recorder.writer.abort();
  try {
    await recorder.writer.close();
  } catch (error) {
    await recorder.writer.abort();
    throw new CommandFailure(`Cannot write the recording ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
