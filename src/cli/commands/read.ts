// `video-logs get <id>` and `video-logs list`: read the API from the shell; data on stdout, problems on stderr.
import type { VideoLogsClient } from "../../client/create-client.ts";
import { CLIENT_DEFAULTS } from "../../client/defaults.ts";
import { isContractViolationError } from "../../errors/contract-violation-error.ts";
import type { OperationId } from "../../operations/operation-table.ts";
import { safeJson } from "../../report/escape-json.ts";
import type { ListLogsQuery } from "../../types.ts";
import type { ValidationMode } from "../../validation/violation.ts";
import { openDataSink } from "../data-sink.ts";
import { type CliIo, EXIT } from "../io.ts";
import { asFlagError, queryFromFlags } from "../operation-flags.ts";
import { choiceFlag, integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { ReadFindings } from "../read-findings.ts";
import { resolveTarget } from "../resolve-target.ts";
import { assertSeparateFiles } from "../same-file.ts";
import { specFlagIn, useSpecFlag } from "../spec-flag.ts";
import { UsageError } from "../usage-error.ts";
import { getOptions, LIMIT_RANGE, listOptions } from "./read-flags.ts";
import { getHelp, listHelp } from "./read-help.ts";
import { readOperations } from "./read-operations.ts";

const DATA_FORMATS = ["json", "ndjson"] as const;

/** How `--validation` reads: the client validates strictly (additive findings are reported too) unless it is off. */
function readSettings(values: { validation?: string; quiet?: boolean }) {
  const mode = choiceFlag<ValidationMode>("validation", values.validation, ["strict", "tolerant", "off"], "tolerant");
  return {
    clientMode: mode === "off" ? ("off" as const) : ("strict" as const),
    verdict: { strict: mode === "strict", quiet: Boolean(values.quiet) },
  };
}

function clientFrom(
  values: { "base-url"?: string; space?: string; timeout?: string },
  io: CliIo,
  validation: ValidationMode,
): VideoLogsClient {
  const timeoutMs = integerFlag("timeout", values.timeout, CLIENT_DEFAULTS.timeoutMs);
  const target = resolveTarget(values, io.env, { validation, timeoutMs });
  if (!target) throw new UsageError("No target: pass --base-url or --space, or set SIGNALWIRE_SPACE");
  return target.client();
}

/** A body the client would not hand over (it is not JSON): its violations are findings, its text what is printed. */
function refusedBody(error: unknown, findings: ReadFindings): unknown {
  if (!isContractViolationError(error)) throw error;
  findings.addError(error);
  return error.body;
}

const isTooDeep = (error: unknown) => error instanceof RangeError && /call stack/i.test(error.message);

/** The validator or the printer ran out of stack on a deeply nested body: a fault of the answer, reported as one. */
function reportedTooDeep(error: unknown, operation: string, io: CliIo): boolean {
  if (!isTooDeep(error)) return false;
  io.stderr.write(`breaking ${operation} /: the body is nested too deeply to handle\n`);
  return true;
}

export async function getCommand(args: string[], io: CliIo): Promise<number> {
  // The spec first: its parameters are the query flags.
  await useSpecFlag(specFlagIn(args));
  const getOperation = readOperations().get;
  const { values, positionals } = parseCommandArgs(args, getOptions(getOperation), 1);
  if (values.help) {
    io.stdout.write(getHelp(getOperation));
    return EXIT.ok;
  }
  const id = positionals[0];
  if (!id) throw new UsageError("Missing <id>: video-logs get <id>");
  const format = choiceFlag("format", values.format, DATA_FORMATS, "json");
  const { clientMode, verdict } = readSettings(values);
  assertSeparateFiles([{ name: "the spec --spec reads", file: values.spec }], [{ name: "--out", file: values.out }]);
  const client = clientFrom(values, io, clientMode);
  const sink = openDataSink(io, values.out);
  const findings = new ReadFindings();
  const operation = getOperation.operationId;
  let log: unknown;
  try {
    // A log is the server's data; one that echoes the credentials back must not print them.
    const params = { path: { [getOperation.getById!.idParameter]: id }, query: queryFromFlags(getOperation, values) };
    log = client.redact(await client.get(operation as OperationId, params as never, { onValidated: findings.add }));
  } catch (error) {
    if (reportedTooDeep(error, operation, io)) return EXIT.drift;
    log = refusedBody(asFlagError(error), findings);
  }
  let text: string;
  try {
    text = format === "json" ? safeJson(log, 2) : safeJson(log);
  } catch (error) {
    if (!isTooDeep(error)) throw error;
    findings.write(io.stderr, verdict);
    reportedTooDeep(error, operation, io);
    return EXIT.drift;
  }
  sink.write(`${text}\n`);
  sink.close();
  return findings.write(io.stderr, verdict);
}

export async function listCommand(args: string[], io: CliIo): Promise<number> {
  // The spec first: its parameters are the query flags.
  await useSpecFlag(specFlagIn(args));
  const listOperation = readOperations().list;
  const { values } = parseCommandArgs(args, listOptions(listOperation));
  if (values.help) {
    io.stdout.write(listHelp(listOperation));
    return EXIT.ok;
  }
  const limit = integerFlag("limit", values.limit, LIMIT_RANGE) ?? Number.POSITIVE_INFINITY;
  const format = choiceFlag("format", values.format, DATA_FORMATS, "ndjson");
  // Typed by the spec's parameters, checked by the client before anything is sent.
  const query = queryFromFlags(listOperation, values) as ListLogsQuery;
  const { clientMode, verdict } = readSettings(values);
  assertSeparateFiles([{ name: "the spec --spec reads", file: values.spec }], [{ name: "--out", file: values.out }]);
  const client = clientFrom(values, io, clientMode);
  const sink = openDataSink(io, values.out);
  // A page's findings inside its items count for the items printed only: --limit may stop inside a page.
  const findings = new ReadFindings(true);
  let printed = 0;
  // A reader that went away (`| head`) ends the listing: no further page is requested.
  const signal = io.stdoutClosed;
  // As json, the logs still stream: one array, opened with the first log and closed once the listing has ended (an
  // empty one when the API answered with no log); a refused value leaves the output empty.
  const closeArray = () => {
    if (format === "json" && !signal?.aborted) sink.write(printed === 0 ? "[]\n" : "\n]\n");
  };
  try {
    for await (const log of client.iterateLogs(query, { signal, onValidated: findings.add })) {
      if (signal?.aborted) break;
      const line = safeJson(client.redact(log));
      sink.write(format === "json" ? `${printed === 0 ? "[\n" : ",\n"}${line}` : `${line}\n`);
      findings.printedItem();
      if (++printed >= limit) break;
    }
    closeArray();
  } catch (error) {
    if (signal?.aborted) return EXIT.ok;
    if (printed > 0) closeArray();
    // What the pages printed so far showed is said before why the listing stopped.
    findings.write(io.stderr, verdict);
    if (reportedTooDeep(error, listOperation.operationId, io)) return EXIT.drift;
    throw asFlagError(error);
  } finally {
    sink.close();
  }
  return findings.write(io.stderr, verdict);
}
