// `video-logs check`: the drift check, against a target or the embedded Prism mock, with a report.
import { applyBaseline } from "../../check/baseline.ts";
import { runDriftCheck } from "../../check/run-drift-check.ts";
import { MIN_COVERAGE, TOUR_DEFAULTS } from "../../check/tour-defaults.ts";
import { WRONG_API_TOKEN } from "../../check/wrong-credentials.ts";
import type { Exchange } from "../../client/exchange.ts";
import type { VideoLogsClientOptions } from "../../client/options.ts";
import { listChecks } from "../../findings/checks.ts";
import { escapeTerminal } from "../../report/escape-terminal.ts";
import { formatReport } from "../../report/format-report.ts";
import type { DriftReport, ExchangeResult } from "../../report/report-types.ts";
import { reportFailed } from "../../report/report-types.ts";
import { summaryLine } from "../../report/summary-line.ts";
import { checkListFlag, rateFlag } from "../check-selection.ts";
import { useColor } from "../color.ts";
import { CommandFailure } from "../command-failure.ts";
import { assertInputsNotOutputs } from "../inputs-not-outputs.ts";
import { type CliIo, EXIT, writeOutput } from "../io.ts";
import { integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { proposalTarget } from "../proposal-target.ts";
import { withoutProxyVariables } from "../proxy-settings.ts";
import { readBaseline } from "../read-baseline.ts";
import { type ReportTarget, reportTargets } from "../report-targets.ts";
import { type ResolvedTarget, resolveTarget } from "../resolve-target.ts";
import { UsageError } from "../usage-error.ts";
import { CHECK_OPTIONS } from "./check-flags.ts";
import { CHECK_HELP } from "./check-help.ts";
import { assertRecordingFlags, checkRecording, harPrefixFlag } from "./check-recording.ts";

const MOCK_CREDENTIALS = { projectId: "mock-project", apiToken: "mock-token" };

function progress(io: CliIo, enabled: boolean) {
  return (check: ExchangeResult, done: number) => {
    if (!enabled) return;
    const mark = check.error ? "no response" : check.passed ? "ok" : "drift";
    io.stderr.write(`\r\u001b[2K[${done}] ${escapeTerminal(check.name)}: ${mark}`);
  };
}

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
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
  const checks = checkListFlag("checks", values.checks);
  const skipChecks = checkListFlag("skip-checks", values["skip-checks"]);
  const reports = reportTargets(values);
  const proposeFile = proposalTarget(values.propose, reports);
  assertInputsNotOutputs(
    [
      { flag: "--har", file: values.har },
      { flag: "--baseline", file: values.baseline },
    ],
    [
      ...reports.map((report) => ({ flag: "--out/--report", file: report.file })),
      { flag: "--propose", file: proposeFile },
    ],
  );
  // Loaded only when asked for, so a check without --propose starts as fast as before.
  const proposal = proposeFile === undefined ? undefined : new (await import("../../propose/proposal.ts")).Proposal();
  const baseline = values.baseline === undefined ? undefined : readBaseline(values.baseline);
  const showProgress =
    Boolean(io.stderr.isTTY) && !values.quiet && !reports.some((r) => r.format === "json" && !r.file);

  let report: DriftReport;
  if (values.har !== undefined) {
    const pathPrefix = harPrefixFlag(values["har-prefix"]);
    try {
      report = await checkRecording({
        file: values.har,
        pathPrefix,
        strict: Boolean(values.strict),
        checks,
        skipChecks,
        minCoverage: integerFlag("min-coverage", values["min-coverage"], MIN_COVERAGE),
        onResult: progress(io, showProgress),
        onExchange: proposal?.observe,
      });
    } finally {
      if (showProgress) io.stderr.write("\r\u001b[2K");
    }
  } else {
    report = await checkServer(values, io, { checks, skipChecks, showProgress, onExchange: proposal?.observe });
  }

  if (baseline) report = applyBaseline(report, baseline);
  writeReports(report, reports, io, Boolean(values.quiet));
  if (proposal) {
    const { yaml, actions, notProposed } = proposal.render();
    const held = `${actions} action(s)${notProposed > 0 ? `, ${notProposed} finding(s) not proposed` : ""}`;
    writeOutput(io, yaml, proposeFile, { quiet: values.quiet, written: `Proposal (${held}) written` });
  }
  if (report.summary.errors > 0) {
    io.stderr.write(`${report.summary.errors} request(s) got no response; the check is incomplete.\n`);
    return EXIT.usage;
  }
  if (report.recording?.judged === 0) {
    const found = report.recording.skippedMatched;
    io.stderr.write(
      found === 0
        ? `No entry of the recording is an operation of the spec (${report.recording.entries} entries, none judged); the check is incomplete.\n`
        : `No entry of the recording could be judged (${report.recording.entries} entries, ${found} an operation of the spec, each skipped with why); the check is incomplete.\n`,
    );
    return EXIT.usage;
  }
  return reportFailed(report) ? EXIT.drift : EXIT.ok;
}

/**
 * Writes every report; the verdict always reaches the terminal: unless the text report goes to stdout, or `--quiet`,
 * the summary line goes to stderr after them.
 */
function writeReports(report: DriftReport, reports: readonly ReportTarget[], io: CliIo, quiet: boolean): void {
  for (const { format, file } of reports) {
    const color = format === "text" && !file && useColor(io.stdout, io.env);
    writeOutput(io, formatReport(report, format, { color }), file, { quiet });
  }
  const textOnStdout = reports.some((target) => target.format === "text" && target.file === undefined);
  if (!textOnStdout && !quiet) io.stderr.write(`${escapeTerminal(summaryLine(report))}\n`);
}

type CheckValues = ReturnType<typeof parseCheckArgs>["values"];

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
  const mock = await startPrismMock({}).catch((error: unknown) => {
    if (!(error instanceof PrismNotInstalledError)) throw error;
    throw new UsageError(error.message, "Or name a target to check: --base-url, --space or SIGNALWIRE_SPACE.");
  });
  // The embedded mock listens on this machine: its requests never go through a proxy.
  const env = withoutProxyVariables(io.env);
  const target = resolveTarget({ "base-url": mock.url }, env, { ...clientOptions, ...MOCK_CREDENTIALS });
  return { target: { ...target!, kind: "mock" }, stopMock: mock.stop };
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
  {
    checks,
    skipChecks,
    showProgress,
    onExchange,
  }: {
    checks: ReturnType<typeof checkListFlag>;
    skipChecks: ReturnType<typeof checkListFlag>;
    showProgress: boolean;
    onExchange?: (exchange: Exchange) => void;
  },
): Promise<DriftReport> {
  const settings = tourSettings(values);
  // No retries in the client: a 5xx must show; the tour itself honours 429 with Retry-After, within its budget.
  const clientOptions = {
    validation: "off" as const,
    timeoutMs: settings.timeoutMs,
    userAgent: "video-logs-check",
    retries: 0,
  };
  const { target, stopMock } = await openTarget(values, io, clientOptions);

  let report: DriftReport;
  let baseUrl: string;
  try {
    const client = target.client();
    baseUrl = client.baseUrl;
    report = await runDriftCheck({
      client,
      wrongCredentialsClient: values["no-auth-probe"] ? undefined : target.client({ apiToken: WRONG_API_TOKEN }),
      fetch: target.fetch,
      target: { baseUrl: client.baseUrl, kind: target.kind },
      ...settings,
      strict: Boolean(values.strict),
      checks,
      skipChecks,
      onResult: progress(io, showProgress),
      onExchange,
    });
  } finally {
    if (showProgress) io.stderr.write("\r\u001b[2K");
    await stopMock?.();
  }
  assertTargetAnswered(report, baseUrl);
  return report;
}
