// `video-logs check`: the drift check, against a target or the embedded Prism mock, with a report.
import { applyBaseline, formatIgnoreFile, ignoreFileOf } from "../../check/baseline.ts";
import { runDriftCheck } from "../../check/run-drift-check.ts";
import { randomSeed } from "../../check/tour/seeded-choice.ts";
import { MIN_COVERAGE, TOUR_DEFAULTS } from "../../check/tour-defaults.ts";
import { WRONG_API_TOKEN } from "../../check/wrong-credentials.ts";
import type { Exchange } from "../../client/exchange.ts";
import type { VideoLogsClientOptions } from "../../client/options.ts";
import { listChecks } from "../../findings/checks.ts";
import type { OpenApiDocument } from "../../openapi/openapi-document.ts";
import { escapeTerminal } from "../../report/escape-terminal.ts";
import type { DriftReport, ExchangeResult } from "../../report/report-types.ts";
import { reportFailed } from "../../report/report-types.ts";
import { checkListFlag, rateFlag } from "../check-selection.ts";
import { CommandFailure } from "../command-failure.ts";
import { type Interruption, noInterruption } from "../interruption.ts";
import { type CliIo, EXIT, writeOutput } from "../io.ts";
import { integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { proposalTarget } from "../proposal-target.ts";
import { withoutProxyVariables } from "../proxy-settings.ts";
import { readBaseline, writeBaselineTarget } from "../read-baseline.ts";
import { reportTargets } from "../report-targets.ts";
import { type ResolvedTarget, resolveTarget } from "../resolve-target.ts";
import { assertSeparateFiles } from "../same-file.ts";
import { sarifRoot } from "../sarif-root.ts";
import { specNote, useSpecFlag } from "../spec-flag.ts";
import { UsageError } from "../usage-error.ts";
import { locatedSpec, writeReports } from "../write-reports.ts";
import { CHECK_OPTIONS, MAX_RECORDING_BYTES_RANGE } from "./check-flags.ts";
import { CHECK_HELP } from "./check-help.ts";
import { assertHistoryUsable, historySettings, recordHistory } from "./check-history.ts";
import { assertRecordingFlags, checkRecording, harPrefixFlag } from "./check-recording.ts";
import { assertReplayFlags, closeRecorder, openRecorder, type Recorder, runOptions, seedFlag } from "./check-replay.ts";
import { replayRecording } from "./check-replayed.ts";

const MOCK_CREDENTIALS = { projectId: "mock-project", apiToken: "mock-token" };

function progress(io: CliIo, enabled: boolean) {
  return (check: ExchangeResult, done: number) => {
    if (!enabled) return;
    const mark = check.error ? "no response" : check.passed ? "ok" : "drift";
    io.stderr.write(`\r\u001b[2K[${done}] ${escapeTerminal(check.name)}: ${mark}`);
  };
}

export async function checkCommand(
  args: string[],
  io: CliIo,
  interruptions: () => Interruption = noInterruption,
): Promise<number> {
  const { values } = parseCheckArgs(args);
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return EXIT.ok;
  }
  if (values["list-checks"]) {
    io.stdout.write(listChecks());
    return EXIT.ok;
  }
  assertRecordingFlags(values);
  assertReplayFlags(values);
  const history = historySettings(values);
  const checks = checkListFlag("checks", values.checks);
  const skipChecks = checkListFlag("skip-checks", values["skip-checks"]);
  const { reports, proposeFile, writeBaselineFile } = outputFiles(values);
  const root = sarifRoot(values["sarif-root"]);
  if (history) await assertHistoryUsable(history);
  // Before anything else reads the spec: the operation table, the validators, the proposal and the mock.
  const spec = await useSpecFlag(values.spec);
  // Loaded only when asked for, so a check without --propose starts as fast as before.
  const proposal =
    proposeFile === undefined ? undefined : new (await import("../../propose/proposal.ts")).Proposal(spec?.document);
  // Read before any request: a baseline that cannot be used stops the command with nothing sent.
  const baseline = values.baseline === undefined ? undefined : await readBaseline(values.baseline);
  const showProgress =
    Boolean(io.stderr.isTTY) && !values.quiet && !reports.some((r) => r.format === "json" && !r.file);

  // From here to the end of the run, Ctrl-C or SIGTERM stops the check: what was judged is reported.
  const interruption = interruptions();
  let report: DriftReport;
  try {
    const run = {
      checks,
      skipChecks,
      showProgress,
      onExchange: proposal?.observe,
      signal: interruption.signal,
      document: spec?.document,
    };
    report = await runCheck(values, io, run);
  } finally {
    interruption.stop();
  }

  if (spec) report = { ...report, notes: [...report.notes, specNote(spec)] };
  // `expires` is judged at the run's start, the instant --write-baseline counts its days from.
  if (baseline) report = applyBaseline(report, baseline, { now: Date.parse(report.startedAt) });
  if (history) report = await recordHistory(report, history);
  writeReports(report, reports, io, { quiet: Boolean(values.quiet), spec: locatedSpec(reports, values.spec, root) });
  if (writeBaselineFile !== undefined) writeIgnoreFile(report, writeBaselineFile, io, Boolean(values.quiet));
  if (proposal) {
    const { yaml, actions, notProposed } = proposal.render();
    const held = `${actions} action(s)${notProposed > 0 ? `, ${notProposed} finding(s) not proposed` : ""}`;
    writeOutput(io, yaml, proposeFile, { quiet: values.quiet, written: `Proposal (${held}) written` });
  }
  return exitStatus(report, io);
}

interface RunSettings {
  checks: ReturnType<typeof checkListFlag>;
  skipChecks: ReturnType<typeof checkListFlag>;
  showProgress: boolean;
  onExchange?: (exchange: Exchange) => void;
  /** Aborted by Ctrl-C or SIGTERM: the run stops and reports what it judged. */
  signal: AbortSignal;
  /** The spec given with --spec, for the embedded mock to serve. */
  document?: OpenApiDocument;
}

/** The check of a recording (`--har`) or of a server, with progress on a terminal. */
async function runCheck(values: CheckValues, io: CliIo, settings: RunSettings): Promise<DriftReport> {
  if (values.replay !== undefined) return replay(values.replay, values, io, settings);
  if (values.har === undefined) return checkServer(values, io, settings);
  const pathPrefix = harPrefixFlag(values["har-prefix"]);
  try {
    return await checkRecording({
      file: values.har,
      pathPrefix,
      maxFileBytes: integerFlag("max-recording-bytes", values["max-recording-bytes"], MAX_RECORDING_BYTES_RANGE),
      strict: Boolean(values.strict),
      checks: settings.checks,
      skipChecks: settings.skipChecks,
      minCoverage: integerFlag("min-coverage", values["min-coverage"], MIN_COVERAGE),
      onResult: progress(io, settings.showProgress),
      onExchange: settings.onExchange,
      signal: settings.signal,
    });
  } finally {
    if (settings.showProgress) io.stderr.write("\r\u001b[2K");
  }
}

/** `--replay FILE`: the recorded tour again, offline, with progress on a terminal. */
async function replay(file: string, values: CheckValues, io: CliIo, settings: RunSettings): Promise<DriftReport> {
  const given = await runOptions(tourSettings(values), values);
  try {
    return await replayRecording(file, given, seedFlag(values.seed), {
      checks: settings.checks,
      skipChecks: settings.skipChecks,
      onResult: progress(io, settings.showProgress),
      onExchange: settings.onExchange,
      signal: settings.signal,
    });
  } finally {
    if (settings.showProgress) io.stderr.write("\r\u001b[2K");
  }
}

/** 2 when the check is incomplete (interrupted, requests unanswered, nothing of a recording judged), saying why; else 1 on drift, 0 clean. */
function exitStatus(report: DriftReport, io: CliIo): number {
  if (report.interrupted) {
    io.stderr.write(
      `The check was interrupted (${escapeTerminal(report.interrupted.reason)}): the reports hold what was judged before; the check is incomplete.\n`,
    );
    return EXIT.usage;
  }
  if (report.summary.errors > 0) {
    io.stderr.write(`${report.summary.errors} request(s) got no response; the check is incomplete.\n`);
    return EXIT.usage;
  }
  if (report.recording?.judged === 0) {
    const found = report.recording.skippedMatched;
    const { entries } = report.recording;
    const counted = `${entries} ${entries === 1 ? "entry" : "entries"}`;
    io.stderr.write(
      found === 0
        ? `No entry of the recording is an operation of the spec (${counted}, none judged); the check is incomplete.\n`
        : `No entry of the recording could be judged (${counted}, ${found} an operation of the spec, each skipped with why); the check is incomplete.\n`,
    );
    return EXIT.usage;
  }
  return reportFailed(report) ? EXIT.drift : EXIT.ok;
}

/** `--write-baseline FILE`: an ignore file of the run's findings, which a later `--baseline FILE` reads back. */
function writeIgnoreFile(report: DriftReport, file: string, io: CliIo, quiet: boolean): void {
  const written = ignoreFileOf(report);
  writeOutput(io, formatIgnoreFile(written), file, {
    quiet,
    written: `Baseline (${written.ignore.length} entries) written`,
  });
}

type CheckValues = ReturnType<typeof parseCheckArgs>["values"];

/** The files the check writes, each checked before anything is read or sent; none may be a file it reads. */
function outputFiles(values: CheckValues) {
  const reports = reportTargets(values);
  const proposeFile = proposalTarget(values.propose);
  const writeBaselineFile = writeBaselineTarget(values["write-baseline"]);
  assertSeparateFiles(
    [
      { name: "the file --har reads", file: values.har },
      { name: "the recording --replay reads", file: values.replay },
      { name: "the file --baseline reads", file: values.baseline },
      { name: "the history --history keeps", file: values.history },
      { name: "the spec --spec reads", file: values.spec },
    ],
    [
      ...reports.map((report) => ({ name: report.flag, file: report.file })),
      { name: "--propose", file: proposeFile },
      { name: "--write-baseline", file: writeBaselineFile },
      { name: "--record", file: values.record },
    ],
  );
  return { reports, proposeFile, writeBaselineFile };
}

function parseCheckArgs(args: string[]) {
  return parseCommandArgs(args, CHECK_OPTIONS);
}

/** The tour's settings from the flags; a flag left out takes its default from TOUR_DEFAULTS (the coverage has none). */
function tourSettings(values: CheckValues) {
  return {
    minCoverage: integerFlag("min-coverage", values["min-coverage"], MIN_COVERAGE),
    maxRequests: integerFlag("max-requests", values["max-requests"], TOUR_DEFAULTS.maxRequests),
    ratePerSecond: rateFlag(values.rate),
    pages: integerFlag("pages", values.pages, TOUR_DEFAULTS.pages),
    sample: integerFlag("sample", values.sample, TOUR_DEFAULTS.sample),
    concurrency: integerFlag("concurrency", values.concurrency, TOUR_DEFAULTS.concurrency),
    timeoutMs: integerFlag("timeout", values.timeout, TOUR_DEFAULTS.timeoutMs),
  };
}

/** The target to tour: the one the flags or the environment name, else the embedded mock, started (and its stop). */
async function openTarget(
  values: CheckValues,
  io: CliIo,
  clientOptions: VideoLogsClientOptions,
  document: OpenApiDocument | undefined,
): Promise<{ target: ResolvedTarget; stopMock?: () => Promise<void> }> {
  // A Prism mock accepts any credentials: --mock uses placeholders, so none of the user's are sent to it.
  const named = values.mock
    ? resolveTarget(values, io.env, { ...clientOptions, ...MOCK_CREDENTIALS })
    : resolveTarget(values, io.env, clientOptions);
  if (named) return { target: values.mock ? { ...named, kind: "mock" } : named };
  const [{ startPrismMock }, { PrismNotInstalledError }] = await Promise.all([
    import("../../mock/start-prism.ts"),
    import("../../mock/prism.ts"),
  ]);
  // With --spec, the mock serves that document (written to a temporary file, removed when the mock stops).
  const mock = await startPrismMock({ document }).catch((error: unknown) => {
    if (!(error instanceof PrismNotInstalledError)) throw error;
    throw new UsageError(error.message, "Or name a target to check: --base-url, --space or SIGNALWIRE_SPACE.");
  });
  // The embedded mock listens on this machine: its requests never go through a proxy.
  const env = withoutProxyVariables(io.env);
  const target = resolveTarget({ "base-url": mock.url }, env, { ...clientOptions, ...MOCK_CREDENTIALS });
  return { target: { ...target!, kind: "mock" }, stopMock: mock.stop };
}

/** A recording that could not be written (a full disk): the command stops, naming the file. */
function recordingFailure(error: unknown, file: string | undefined): CommandFailure | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (file === undefined || typeof code !== "string" || !(error instanceof Error) || !("syscall" in error)) return;
  return new CommandFailure(`Cannot write the recording ${file}: ${code}`);
}

/** The first request with the real credentials tells whether the target is reachable and accepts them. */
function assertTargetAnswered(report: DriftReport, baseUrl: string): void {
  const first = report.exchanges.find((check) => check.kind !== "wrong-credentials" && check.kind !== "no-credentials");
  if (first && first.status === null) {
    throw new CommandFailure(`Cannot reach ${baseUrl}: ${first.error}`);
  }
  if (first && (first.status === 401 || first.status === 403)) {
    throw new CommandFailure(
      `The API refused the credentials (${first.status}) at ${baseUrl}: check SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN`,
    );
  }
}

/** The live check: a target from the flags or the environment (or the embedded mock), toured and judged. */
async function checkServer(
  values: CheckValues,
  io: CliIo,
  { checks, skipChecks, showProgress, onExchange, signal, document }: RunSettings,
): Promise<DriftReport> {
  const settings = tourSettings(values);
  // No retries in the client: a 5xx must show; the tour itself honours 429 with Retry-After, within its budget.
  const clientOptions = {
    validation: "off" as const,
    timeoutMs: settings.timeoutMs,
    userAgent: "video-logs-check",
    retries: 0,
  };
  const seed = seedFlag(values.seed) ?? randomSeed();
  const { target, stopMock } = await openTarget(values, io, clientOptions, document);

  let report: DriftReport | undefined;
  let baseUrl: string;
  let recorder: Recorder | undefined;
  try {
    const client = target.client();
    baseUrl = client.baseUrl;
    const serverTarget = { baseUrl: client.baseUrl, kind: target.kind };
    // A recording names its pin before the tour starts; otherwise the tour pins its listings at its own start.
    const record = values.record;
    const pin = record === undefined ? undefined : new Date().toISOString();
    if (record !== undefined && pin !== undefined) {
      const run = { seed, pin, target: serverTarget, options: await runOptions(settings, values) };
      recorder = await openRecorder(record, client, run);
    }
    report = await runDriftCheck({
      client,
      wrongCredentialsClient: values["no-auth-probe"] ? undefined : target.client({ apiToken: WRONG_API_TOKEN }),
      fetch: target.fetch,
      target: serverTarget,
      ...settings,
      strict: Boolean(values.strict),
      checks,
      skipChecks,
      seed,
      pin,
      transport: recorder?.transport,
      onResult: progress(io, showProgress),
      onExchange,
      signal,
    }).catch((error: unknown) => {
      throw recordingFailure(error, values.record) ?? error;
    });
  } finally {
    if (showProgress) io.stderr.write("\r\u001b[2K");
    await stopMock?.();
    await closeRecorder(recorder, values.record!, report !== undefined);
  }
  assertTargetAnswered(report, baseUrl);
  return report;
}
