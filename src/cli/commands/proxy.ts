// `video-logs proxy --upstream URL`: the validating reverse proxy in the foreground, until Ctrl-C or SIGTERM; then the
// reports, the proposal, the history's run and the recording, and the check's exit code.
import { applyBaseline } from "../../check/baseline.ts";
import type { JudgingOutcome } from "../../proxy/judging-messages.ts";
import { JudgingFailure, JudgingRefusal, JudgingThread } from "../../proxy/judging-thread.ts";
import { startProxy } from "../../proxy/start-proxy.ts";
import { upstreamOrigin } from "../../proxy/upstream-origin.ts";
import type { DriftReport } from "../../report/report-types.ts";
import { reportFailed } from "../../report/report-types.ts";
import { checkListFlag } from "../check-selection.ts";
import { CommandFailure } from "../command-failure.ts";
import { type Interruption, noInterruption } from "../interruption.ts";
import { type CliIo, EXIT, writeOutput } from "../io.ts";
import { integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { proposalTarget } from "../proposal-target.ts";
import { readBaseline } from "../read-baseline.ts";
import { reportTargets } from "../report-targets.ts";
import { assertSeparateFiles } from "../same-file.ts";
import { sarifRoot } from "../sarif-root.ts";
import { specNote, useSpecFlag } from "../spec-flag.ts";
import { UsageError } from "../usage-error.ts";
import { locatedSpec, writeReports } from "../write-reports.ts";
import { assertHistoryUsable, historySettings, recordHistory } from "./check-history.ts";
import { PROXY_DEFAULTS, PROXY_OPTIONS } from "./proxy-flags.ts";
import { PROXY_HELP } from "./proxy-help.ts";
import type { JudgingSetup } from "./proxy-judging-worker.ts";

type ProxyValues = ReturnType<typeof parseCommandArgs<typeof PROXY_OPTIONS>>["values"];
type ProxySettings = ReturnType<typeof proxySettings>;

/**
 * The judging thread's file: beside this one when run from source; in the build, its own entry in dist/src/cli/, and
 * this code is bundled one folder below dist/src/ too (dist/src/cli/ or dist/src/chunks/).
 */
const judgingWorkerFile = (): URL =>
  import.meta.url.endsWith(".ts")
    ? new URL("./proxy-judging-worker.ts", import.meta.url)
    : new URL("../cli/proxy-judging-worker.js", import.meta.url);

/** The proxy until Ctrl-C or SIGTERM; `judgingWorker` is the judging thread's file (a test gives one of its own). */
export async function proxyCommand(
  args: string[],
  io: CliIo,
  interruptions: () => Interruption = noInterruption,
  judgingWorker: URL = judgingWorkerFile(),
): Promise<number> {
  const { values } = parseCommandArgs(args, PROXY_OPTIONS);
  if (values.help) {
    io.stdout.write(PROXY_HELP);
    return EXIT.ok;
  }
  const settings = proxySettings(values);
  const outputs = outputFiles(values);
  if (settings.history) await assertHistoryUsable(settings.history);
  const spec = await useSpecFlag(values.spec);
  const baseline = values.baseline === undefined ? undefined : await readBaseline(values.baseline);
  const judging = await startJudging(judgingWorker, values, settings, outputs.proposeFile !== undefined);
  const located = locatedSpec(outputs.reports, values.spec, sarifRoot(values["sarif-root"]));
  const finish = (report: DriftReport) =>
    baseline ? applyBaseline(report, baseline, { now: Date.parse(report.startedAt) }) : report;
  const flush = (report: DriftReport) =>
    writeReports(finish(report), outputs.reports, io, { quiet: true, spec: located });
  const outcome = await proxyUntilStopped(judging, settings, { io, flush, interruptions });
  for (const line of outcome.messages) io.stderr.write(`${line}\n`);
  let report = finish(outcome.report);
  if (spec) report = { ...report, notes: [...report.notes, specNote(spec)] };
  if (settings.history) report = await recordHistory(report, settings.history);
  writeReports(report, outputs.reports, io, { quiet: Boolean(values.quiet), spec: located });
  if (outcome.proposal)
    writeOutput(io, outcome.proposal.yaml, outputs.proposeFile, {
      quiet: values.quiet,
      written: `Proposal (${outcome.proposal.actions} action(s)) written`,
    });
  return exitStatus(report, io, Boolean(values.quiet));
}

/** The judging thread, set up with the same spec, checks, recording and proposal as the flags say. */
async function startJudging(file: URL, values: ProxyValues, settings: ProxySettings, propose: boolean) {
  const setup: JudgingSetup = {
    spec: values.spec,
    upstream: settings.upstream.href,
    strict: Boolean(values.strict),
    checks: checkListFlag("checks", values.checks),
    skipChecks: checkListFlag("skip-checks", values["skip-checks"]),
    maxBodyBytes: settings.maxBodyBytes,
    record: values.record,
    propose,
    quiet: Boolean(values.quiet),
  };
  return JudgingThread.start(file, setup).catch((error: unknown) => {
    throw error instanceof JudgingRefusal ? new UsageError(...error.lines) : error;
  });
}

/**
 * Forwards until Ctrl-C or SIGTERM (or the judging thread fails), rewriting the reports every --flush-every; then
 * stops listening and gets what the judging thread has to say of every exchange forwarded. The thread is ended
 * whatever happens.
 */
async function proxyUntilStopped(
  judging: JudgingThread,
  settings: ProxySettings,
  { io, flush, interruptions }: { io: CliIo; flush: (report: DriftReport) => void; interruptions: () => Interruption },
): Promise<JudgingOutcome> {
  const interruption = interruptions();
  let flushing: NodeJS.Timeout | undefined;
  try {
    const proxy = await startProxy({ ...settings, judging: judging.queue, redact: (text) => judging.redact(text) });
    io.stderr.write(`video-logs proxy listening on ${proxy.url} -> ${settings.upstream.origin}\n`);
    if (settings.flushEverySeconds !== undefined)
      flushing = setInterval(
        () => judging.report(proxy.forwarded).then(flush, () => {}),
        settings.flushEverySeconds * 1000,
      );
    const stopped = new Promise((resolve) => interruption.signal.addEventListener("abort", resolve, { once: true }));
    await Promise.race([stopped, judging.failure]).finally(async () => {
      clearInterval(flushing);
      await proxy.close();
    });
    return await judging.finish(proxy.forwarded);
  } catch (error) {
    clearInterval(flushing);
    await judging.abort();
    throw error instanceof JudgingFailure
      ? new CommandFailure(error.message, "The proxy stopped; what it had judged was lost, and no report was written.")
      : error;
  } finally {
    interruption.stop();
    await judging.terminate();
  }
}

/** The proxy's settings from the flags, each checked before anything listens. */
function proxySettings(values: ProxyValues) {
  const numbers = {
    port: integerFlag("port", values.port, PROXY_DEFAULTS.port),
    timeoutMs: integerFlag("timeout", values.timeout, PROXY_DEFAULTS.timeoutMs),
    maxBodyBytes: integerFlag("max-body-bytes", values["max-body-bytes"], PROXY_DEFAULTS.maxBodyBytes),
    flushEverySeconds: integerFlag("flush-every", values["flush-every"], PROXY_DEFAULTS.flushEverySeconds),
  };
  if (values.upstream === undefined)
    throw new UsageError(
      "proxy needs --upstream URL: the origin every request goes to (https://example.signalwire.com)",
    );
  const upstream = upstreamOrigin(values.upstream);
  if ("problem" in upstream) throw new UsageError(`--upstream: ${upstream.problem}`);
  const host = values.host ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:-]+$/.test(host) || host.length > 255)
    throw new UsageError(`--host must be a host name or an IP address, got ${JSON.stringify(host.slice(0, 80))}`);
  return {
    upstream: upstream.origin,
    host,
    ...numbers,
    history: historySettings(values),
  };
}

/** The files the proxy writes, each checked before it listens; none may be a file it reads. */
function outputFiles(values: ProxyValues) {
  const reports = reportTargets(values);
  const proposeFile = proposalTarget(values.propose);
  assertSeparateFiles(
    [
      { name: "the file --baseline reads", file: values.baseline },
      { name: "the history --history keeps", file: values.history },
      { name: "the spec --spec reads", file: values.spec },
    ],
    [
      ...reports.map((report) => ({ name: report.flag, file: report.file })),
      { name: "--propose", file: proposeFile },
      { name: "--record", file: values.record },
    ],
  );
  return { reports, proposeFile };
}

/** 1 on drift that fails the run; 0 otherwise, with a note when nothing was judged. */
function exitStatus(report: DriftReport, io: CliIo, quiet: boolean): number {
  if (report.summary.checked === 0) {
    if (!quiet)
      io.stderr.write("Nothing was judged: no response of an operation of the spec passed through the proxy.\n");
    return EXIT.ok;
  }
  return reportFailed(report) ? EXIT.drift : EXIT.ok;
}
