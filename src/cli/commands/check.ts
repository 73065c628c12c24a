// `video-logs check`: the drift check, against a target or the embedded Prism mock, with a report.
import { applyBaseline } from "../../check/baseline.ts";
import { DEFAULT_CONCURRENCY, runDriftCheck } from "../../check/run-drift-check.ts";
import { WRONG_API_TOKEN } from "../../check/wrong-credentials.ts";
import type { Exchange } from "../../client/exchange.ts";
import { listChecks } from "../../findings/checks.ts";
import { escapeTerminal } from "../../report/escape-terminal.ts";
import { formatReport } from "../../report/format-report.ts";
import type { DriftReport, ExchangeResult } from "../../report/report-types.ts";
import { reportFailed } from "../../report/report-types.ts";
import { checkListFlag, rateFlag } from "../check-selection.ts";
import { useColor } from "../color.ts";
import { CommandFailure } from "../command-failure.ts";
import { assertInputsNotOutputs } from "../inputs-not-outputs.ts";
import { type CliIo, EXIT, writeOutput } from "../io.ts";
import { integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { proposalTarget } from "../proposal-target.ts";
import { withoutProxyVariables } from "../proxy-settings.ts";
import { readBaseline } from "../read-baseline.ts";
import { reportTargets } from "../report-targets.ts";
import { type ResolvedTarget, resolveTarget } from "../resolve-target.ts";
import { UsageError } from "../usage-error.ts";
import { assertRecordingFlags, checkRecording, harPrefixFlag } from "./check-recording.ts";

export const CHECK_HELP = `Usage: video-logs check [options]

Checks that the API keeps its contract, touring every operation the spec declares with named checks (one finding
names its check; --list-checks prints them): the shape, status and content type of every response, no server error,
the listings' parameters honoured (page size, the discarded form, date filters with values chosen from the data),
pagination integrity (later pages keep the filters, no id twice, no loop; every listing pinned with a created_before
at the tour's start), an item got by id equal to the listed one, invalid values and ids refused with a declared 4xx,
and 401 without or with wrong credentials. Requests are not retried on 5xx; a 429 is retried after its Retry-After.

Target (first that applies): --har, --base-url, --space, SIGNALWIRE_SPACE; with none, the embedded Prism mock of the
spec. Credentials: SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN (none for --har). Proxy: HTTPS_PROXY, HTTP_PROXY and
NO_PROXY (not for the embedded mock).

A recording (--har FILE, a HAR 1.2 file from a browser or a proxy) is judged offline: every entry whose method and
path are an operation of the spec, on any host, gets the checks of one response (response-schema, status-code, with
any status the operation declares, content-type, not-a-server-error); the checks that need planned requests are
skipped, and so is every other entry, each listed with why. Credentials in the file never reach a report.

Options:
  --har FILE          judge a recording instead of sending requests (none of the flags from --base-url to
                      --no-auth-probe, nor --timeout, goes with it)
  --har-prefix PATH   strip a proxy's path prefix (/some/prefix) from the recorded paths before matching
  --base-url URL      any server speaking the API (https, or http on loopback)
  --space NAME        your Space: example or example.signalwire.com
  --mock              the target is a Prism mock (e.g. \`video-logs mock\`): send it status hints, skip the checks a
                      static mock cannot satisfy (with a note), and use placeholder credentials
  --pages N           pages to read per listing (default 3)
  --sample N          ids to fetch one by one (default 5)
  --no-auth-probe     skip the no-credentials and wrong-credentials requests
  --checks A,B        run only these checks
  --skip-checks A,B   run every check but these
  --list-checks       print the checks, one line each, and exit
  --max-requests N    requests the tour may send, retries included (default 60)
  --rate N/s          at most N requests per second (default: no limit)
  --concurrency N     probes in flight at once (default 4); the report's order does not depend on it
  --strict            additive drift (unknown fields) fails too
  --baseline FILE     known drift: an earlier JSON report, or {"ignore": [{"check", "operation", "pointer",
                      "keyword"}]} (a field left out matches any); a listed finding is reported as known and does
                      not fail the run, a new one does
  --report F=FILE     write a report in format F (text, json, junit or markdown) to FILE; repeatable, so one run
                      writes several reports: --report junit=drift.xml --report markdown=drift.md
  --format F          text (default), json, junit or markdown
  --out FILE          write the report to FILE instead of stdout (--format F --out FILE is --report F=FILE)
  --propose FILE      write an OpenAPI Overlay 1.0.0 (YAML) whose actions make every JSON response seen valid for
                      the spec, each with its evidence; what cannot be proposed (a body that is not JSON…) is listed
                      under x-not-proposed. Written with the reports (with nothing to propose: one action that changes
                      nothing); exit codes unchanged
  --timeout MS        per-request timeout (default 30000)
  --quiet             no progress and no notes on stderr; errors only
  -h, --help          this help

Exit: 0 no breaking drift, 1 drift found, 2 usage, connection or credential problem, or a recording that is not
a HAR 1.2 log or holds nothing to judge.
`;

const CHECK_OPTIONS = {
  "base-url": { type: "string" },
  space: { type: "string" },
  mock: { type: "boolean" },
  pages: { type: "string" },
  sample: { type: "string" },
  concurrency: { type: "string" },
  "no-auth-probe": { type: "boolean" },
  strict: { type: "boolean" },
  baseline: { type: "string" },
  report: { type: "string", multiple: true },
  propose: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  quiet: { type: "boolean" },
  timeout: { type: "string" },
  checks: { type: "string" },
  "skip-checks": { type: "string" },
  "list-checks": { type: "boolean" },
  "max-requests": { type: "string" },
  rate: { type: "string" },
  har: { type: "string" },
  "har-prefix": { type: "string" },
} as const;

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
        onCheck: progress(io, showProgress),
        onExchange: proposal?.observe,
      });
    } finally {
      if (showProgress) io.stderr.write("\r\u001b[2K");
    }
  } else {
    report = await checkServer(values, io, { checks, skipChecks, showProgress, onExchange: proposal?.observe });
  }

  if (baseline) report = applyBaseline(report, baseline);
  for (const { format, file } of reports) {
    const color = format === "text" && !file && useColor(io.stdout, io.env);
    writeOutput(io, formatReport(report, format, { color }), file, { quiet: values.quiet });
  }
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

type CheckValues = ReturnType<typeof parseCheckArgs>["values"];

function parseCheckArgs(args: string[]) {
  return parseCommandArgs(args, CHECK_OPTIONS);
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
  const maxRequests = integerFlag("max-requests", values["max-requests"], 60, { min: 1, max: 10_000 });
  const ratePerSecond = rateFlag(values.rate);
  const pages = integerFlag("pages", values.pages, 3, { min: 1, max: 100 });
  const sample = integerFlag("sample", values.sample, 5, { min: 0, max: 100 });
  const concurrency = integerFlag("concurrency", values.concurrency, DEFAULT_CONCURRENCY, { min: 1, max: 32 });
  const timeoutMs = integerFlag("timeout", values.timeout, 30_000, { min: 1, max: 600_000 });
  // No retries in the client: a 5xx must show; the tour itself honours 429 with Retry-After, within its budget.
  const clientOptions = { validation: "off" as const, timeoutMs, userAgent: "video-logs-check", retries: 0 };

  // A Prism mock accepts any credentials: --mock uses placeholders, so none of the user's are sent to it.
  let target: ResolvedTarget | undefined = values.mock
    ? resolveTarget(values, io.env, { ...clientOptions, ...MOCK_CREDENTIALS })
    : resolveTarget(values, io.env, clientOptions);
  if (target && values.mock) target = { ...target, kind: "mock" };
  let stopMock: (() => Promise<void>) | undefined;
  if (!target) {
    const [{ startPrismMock }, { PrismNotInstalledError }] = await Promise.all([
      import("../../mock/start-prism.ts"),
      import("../../mock/prism.ts"),
    ]);
    const mock = await startPrismMock({}).catch((error: unknown) => {
      if (!(error instanceof PrismNotInstalledError)) throw error;
      throw new UsageError(error.message, "Or name a target to check: --base-url, --space or SIGNALWIRE_SPACE.");
    });
    stopMock = mock.stop;
    // The embedded mock listens on this machine: its requests never go through a proxy.
    const env = withoutProxyVariables(io.env);
    target = resolveTarget({ "base-url": mock.url }, env, { ...clientOptions, ...MOCK_CREDENTIALS });
    target = { ...target!, kind: "mock" };
  }

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
      pages,
      sample,
      strict: Boolean(values.strict),
      checks,
      skipChecks,
      maxRequests,
      ratePerSecond,
      concurrency,
      timeoutMs,
      preferStatusHints: target.kind === "mock",
      onCheck: progress(io, showProgress),
      onExchange,
    });
  } finally {
    if (showProgress) io.stderr.write("\r\u001b[2K");
    await stopMock?.();
  }

  // The first request with the real credentials tells whether the target is reachable and accepts them.
  const first = report.exchanges.find((check) => check.kind !== "wrong-credentials" && check.kind !== "no-credentials");
  if (first && first.status === null) {
    throw new CommandFailure(`Cannot reach ${baseUrl}: ${first.error}`);
  }
  if (first && (first.status === 401 || first.status === 403)) {
    throw new CommandFailure(
      `The API refused the credentials (${first.status}) at ${baseUrl}: check SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN`,
    );
  }
  return report;
}
