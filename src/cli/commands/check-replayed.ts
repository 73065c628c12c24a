// `check --replay FILE`: the recorded tour run again offline. The recording is read (HAR 1.2, every entry of one run
// of check --record), the flags' options compared with the recorded ones, and the tour run with the recorded seed,
// pin and target, each request answered from the recording by its probe. The clients never send: their fetch refuses.
import { isHarFileError } from "../../check/har/har-file-error.ts";
import type { RecordedOptions } from "../../check/replay/recorded-run.ts";
import type { DriftCheckOptions } from "../../check/run-drift-check.ts";
import { WRONG_API_TOKEN } from "../../check/wrong-credentials.ts";
import { createVideoLogsClient, redactorOf } from "../../client/create-client.ts";
import type { DriftReport } from "../../report/report-types.ts";
import { CommandFailure } from "../command-failure.ts";
import { UsageError } from "../usage-error.ts";

/** What the replay takes from the command beside the recording: progress, the proposal, the interruption. */
export type ReplaySettings = Pick<DriftCheckOptions, "onResult" | "onExchange" | "signal" | "checks" | "skipChecks">;

/** Placeholder credentials: a replay holds none and sends nothing. */
const OFFLINE = { projectId: "replay-offline", apiToken: "replay-offline-token" };

const neverSend: typeof fetch = () => Promise.reject(new Error("check --replay sends no request"));

async function readRecordedTour(file: string) {
  const [{ readHar }, { recordedTour }] = await Promise.all([
    import("../../check/har/read-har.ts"),
    import("../../check/replay/recorded-tour.ts"),
  ]);
  let tour: ReturnType<typeof recordedTour>;
  try {
    tour = recordedTour(await readHar(file));
  } catch (error) {
    if (isHarFileError(error)) throw new CommandFailure(error.message);
    throw error;
  }
  if (typeof tour === "string") throw new CommandFailure(`The recording ${file} cannot be replayed: ${tour}`);
  return tour;
}

export async function replayRecording(
  file: string,
  given: RecordedOptions,
  seed: number | undefined,
  settings: ReplaySettings,
): Promise<DriftReport> {
  const { run, entries } = await readRecordedTour(file);
  const [{ differingOptions }, { replayTransport }, { virtualClock }, { runDriftCheck }] = await Promise.all([
    import("../../check/replay/recorded-run.ts"),
    import("../../check/replay/replay-transport.ts"),
    import("../../check/replay/virtual-clock.ts"),
    import("../../check/run-drift-check.ts"),
  ]);
  const differ = differingOptions(run.options, given);
  if (seed !== undefined && seed !== run.seed) differ.push(`--seed (recorded ${run.seed}, given ${seed})`);
  if (differ.length > 0)
    throw new UsageError(
      `--replay runs the recorded tour with the recorded options, and these differ: ${differ.join("; ")}`,
      "Give the recorded value of each, or leave the flag out where the recording used its default.",
    );
  const options = { baseUrl: run.target.baseUrl, ...OFFLINE, validation: "off" as const, retries: 0, env: {} };
  const client = createVideoLogsClient({ ...options, fetch: neverSend, userAgent: "video-logs-check" });
  const wrong = createVideoLogsClient({ ...options, apiToken: WRONG_API_TOKEN, fetch: neverSend });
  const answers = replayTransport(entries, redactorOf(client));
  const report = await runDriftCheck({
    ...settings,
    client,
    wrongCredentialsClient: run.options.authProbes ? wrong : undefined,
    target: run.target,
    pages: run.options.pages,
    sample: run.options.sample,
    maxRequests: run.options.maxRequests,
    concurrency: run.options.concurrency,
    strict: run.options.strict,
    minCoverage: run.options.minCoverage ?? undefined,
    seed: run.seed,
    pin: run.pin,
    transport: answers.transport,
    ...virtualClock(Date.parse(run.pin)),
  });
  const unused = answers.unused();
  const note = `replayed from the recording ${file} of ${run.pin}${unused > 0 ? `; ${unused} recorded answer(s) no request asked for` : ""}`;
  return { ...report, notes: [...report.notes, note] };
}
