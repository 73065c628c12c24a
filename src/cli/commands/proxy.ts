// `video-logs proxy --upstream URL`: the validating reverse proxy in the foreground, until Ctrl-C or SIGTERM; then the
// reports, the proposal, the history's run and the recording, and the check's exit code.
import { applyBaseline } from "../../check/baseline.ts";
import type { RecordingWriter } from "../../check/har/recording-writer.ts";
import type { ProxySession } from "../../proxy/proxy-session.ts";
import { upstreamOrigin } from "../../proxy/upstream-origin.ts";
import { escapeTerminal } from "../../report/escape-terminal.ts";
import type { DriftReport } from "../../report/report-types.ts";
import { reportFailed } from "../../report/report-types.ts";
import { VERSION } from "../../version.ts";
import { checkListFlag } from "../check-selection.ts";
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

type ProxyValues = ReturnType<typeof parseCommandArgs<typeof PROXY_OPTIONS>>["values"];

/** `.ndjson` and `.jsonl` are NDJSON (one HAR entry per line); any other name, one HAR 1.2 document. */
export const recordingFormat = (file: string): "har" | "ndjson" => (/\.(ndjson|jsonl)$/i.test(file) ? "ndjson" : "har");

export async function proxyCommand(
  args: string[],
  io: CliIo,
  interruptions: () => Interruption = noInterruption,
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
  const proposal =
    outputs.proposeFile === undefined
      ? undefined
      : new (await import("../../propose/proposal.ts")).Proposal(spec?.document);
  const baseline = values.baseline === undefined ? undefined : await readBaseline(values.baseline);
  const [{ ProxySession }, { startProxy }] = await Promise.all([
    import("../../proxy/proxy-session.ts"),
    import("../../proxy/start-proxy.ts"),
  ]);
  const session = new ProxySession({
    upstream: settings.upstream,
    strict: Boolean(values.strict),
    checks: checkListFlag("checks", values.checks),
    skipChecks: checkListFlag("skip-checks", values["skip-checks"]),
    maxBodyBytes: settings.maxBodyBytes,
    onExchange: proposal?.observe,
    now: Date.now,
  });
  const recording = await openRecording(values.record, session);
  const located = locatedSpec(outputs.reports, values.spec, sarifRoot(values["sarif-root"]));
  const finish = (report: DriftReport) =>
    baseline ? applyBaseline(report, baseline, { now: Date.parse(report.startedAt) }) : report;
  const interruption = interruptions();
  let flushing: NodeJS.Timeout | undefined;
  try {
    const proxy = await startProxy({
      upstream: settings.upstream,
      host: settings.host,
      port: settings.port,
      timeoutMs: settings.timeoutMs,
      maxBodyBytes: settings.maxBodyBytes,
      session,
      record: recording?.record,
    });
    io.stderr.write(`video-logs proxy listening on ${proxy.url} -> ${settings.upstream.origin}\n`);
    if (settings.flushEverySeconds !== undefined)
      flushing = setInterval(
        () => writeReports(finish(session.report()), outputs.reports, io, { quiet: true, spec: located }),
        settings.flushEverySeconds * 1000,
      );
    await new Promise((resolve) => interruption.signal.addEventListener("abort", resolve, { once: true }));
    clearInterval(flushing);
    await proxy.close();
  } catch (error) {
    clearInterval(flushing);
    await recording?.writer.abort();
    throw error;
  } finally {
    interruption.stop();
  }
  await recording?.close(io, Boolean(values.quiet));
  let report = finish(session.report());
  if (spec) report = { ...report, notes: [...report.notes, specNote(spec)] };
  if (settings.history) report = await recordHistory(report, settings.history);
  writeReports(report, outputs.reports, io, { quiet: Boolean(values.quiet), spec: located });
  if (proposal) {
    const { yaml, actions } = proposal.render();
    writeOutput(io, yaml, outputs.proposeFile, {
      quiet: values.quiet,
      written: `Proposal (${actions} action(s)) written`,
    });
  }
  return exitStatus(report, io, Boolean(values.quiet));
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

/** `--record FILE`: the streaming writer, fed in order; a write that fails stops the recording, not the proxy. */
async function openRecording(file: string | undefined, session: ProxySession) {
  if (file === undefined) return undefined;
  const { openRecordingWriter } = await import("../../check/har/recording-writer.ts");
  const writer: RecordingWriter = await openRecordingWriter(file, {
    format: recordingFormat(file),
    creator: { name: "signalwire-video-logs proxy", version: VERSION },
    redactor: session.currentRedactor,
  }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot write the recording ${file}: ${error.code ?? error.message}`);
  });
  let writing: Promise<void> = Promise.resolve();
  let failure: Error | undefined;
  return {
    writer,
    record(entry: Parameters<RecordingWriter["write"]>[0]) {
      writing = writing
        .then(() => (failure ? undefined : writer.write(entry)))
        .catch((error: Error) => {
          failure ??= error;
        });
    },
    async close(io: CliIo, quiet: boolean) {
      await writing;
      if (failure) {
        await writer.abort();
        io.stderr.write(
          `video-logs: the recording ${escapeTerminal(file)} was not written: ${escapeTerminal(failure.message)}\n`,
        );
        return;
      }
      await writer.close();
      if (!quiet) io.stderr.write(`Recording (${writer.entries} entries) written to ${escapeTerminal(file)}\n`);
    },
  };
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
