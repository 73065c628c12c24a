// `video-logs get <id>` and `video-logs list`: read the API from the shell; data on stdout, problems on stderr.
import type { VideoLogsClient } from "../../client/create-client.ts";
import { CLIENT_DEFAULTS } from "../../client/defaults.ts";
import { isContractViolationError } from "../../errors/contract-violation-error.ts";
import type { OperationId } from "../../operations/operation-table.ts";
import { safeJson } from "../../report/escape-json.ts";
import { escapeTerminal as t } from "../../report/escape-terminal.ts";
import type { ListLogsQuery } from "../../types.ts";
import type { ValidationMode } from "../../validation/violation.ts";
import { openDataSink } from "../data-sink.ts";
import { assertInputsNotOutputs } from "../inputs-not-outputs.ts";
import { type CliIo, EXIT } from "../io.ts";
import { asFlagError, queryFromFlags } from "../operation-flags.ts";
import { choiceFlag, integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { resolveTarget } from "../resolve-target.ts";
import { specFlagIn, useSpecFlag } from "../spec-flag.ts";
import { UsageError } from "../usage-error.ts";
import { getOptions, LIMIT_RANGE, listOptions } from "./read-flags.ts";
import { getHelp, listHelp } from "./read-help.ts";
import { readOperations } from "./read-operations.ts";

const DATA_FORMATS = ["json", "ndjson"] as const;

function clientFrom(
  values: { "base-url"?: string; space?: string; validation?: string; timeout?: string },
  io: CliIo,
): VideoLogsClient {
  const validation = choiceFlag<ValidationMode>(
    "validation",
    values.validation,
    ["strict", "tolerant", "off"],
    "tolerant",
  );
  const timeoutMs = integerFlag("timeout", values.timeout, CLIENT_DEFAULTS.timeoutMs);
  const target = resolveTarget(values, io.env, { validation, timeoutMs });
  if (!target) throw new UsageError("No target: pass --base-url or --space, or set SIGNALWIRE_SPACE");
  return target.client();
}

/** Writes a contract violation's details to stderr and hands back the body that was received. */
function reportViolations(error: unknown, io: CliIo): unknown {
  if (!isContractViolationError(error)) throw error;
  for (const v of error.violations)
    io.stderr.write(`${t(v.kind)} ${t(error.operation)} ${t(v.pointer || "/")}: ${t(v.message)}\n`);
  return error.body;
}

/** The validator or the printer ran out of stack on a deeply nested body: a fault of the answer, reported as one. */
function reportedTooDeep(error: unknown, operation: string, io: CliIo): boolean {
  if (!(error instanceof RangeError && /call stack/i.test(error.message))) return false;
  io.stderr.write(`breaking ${operation} /: the body is nested too deeply to handle\n`);
  return true;
}

export async function getCommand(args: string[], io: CliIo): Promise<number> {
  // The spec first: its parameters are the query flags.
  await useSpecFlag(specFlagIn(args));
  const operation = readOperations().get;
  const { values, positionals } = parseCommandArgs(args, getOptions(operation), 1);
  if (values.help) {
    io.stdout.write(getHelp(operation));
    return EXIT.ok;
  }
  const id = positionals[0];
  if (!id) throw new UsageError("Missing <id>: video-logs get <id>");
  const format = choiceFlag("format", values.format, DATA_FORMATS, "json");
  assertInputsNotOutputs([{ flag: "--spec", file: values.spec }], [{ flag: "--out", file: values.out }]);
  const client = clientFrom(values, io);
  const sink = openDataSink(io, values.out);
  let log: unknown;
  let exit: number = EXIT.ok;
  try {
    // A log is the server's data; one that echoes the credentials back must not print them.
    const params = { path: { [operation.getById!.idParameter]: id }, query: queryFromFlags(operation, values) };
    log = client.redact(await client.get(operation.operationId as OperationId, params as never));
  } catch (error) {
    if (reportedTooDeep(error, operation.operationId, io)) return EXIT.drift;
    log = reportViolations(asFlagError(error), io);
    exit = EXIT.drift;
  }
  let text: string;
  try {
    text = format === "json" ? safeJson(log, 2) : safeJson(log);
  } catch (error) {
    if (reportedTooDeep(error, operation.operationId, io)) return EXIT.drift;
    throw error;
  }
  sink.write(`${text}\n`);
  sink.close();
  return exit;
}

export async function listCommand(args: string[], io: CliIo): Promise<number> {
  // The spec first: its parameters are the query flags.
  await useSpecFlag(specFlagIn(args));
  const operation = readOperations().list;
  const { values } = parseCommandArgs(args, listOptions(operation));
  if (values.help) {
    io.stdout.write(listHelp(operation));
    return EXIT.ok;
  }
  const limit = integerFlag("limit", values.limit, LIMIT_RANGE) ?? Number.POSITIVE_INFINITY;
  const format = choiceFlag("format", values.format, DATA_FORMATS, "ndjson");
  // Typed by the spec's parameters, checked by the client before anything is sent.
  const query = queryFromFlags(operation, values) as ListLogsQuery;
  assertInputsNotOutputs([{ flag: "--spec", file: values.spec }], [{ flag: "--out", file: values.out }]);
  const client = clientFrom(values, io);
  const sink = openDataSink(io, values.out);
  let printed = 0;
  // A reader that went away (`| head`) ends the listing: no further page is requested.
  const signal = io.stdoutClosed;
  // As json, the logs still stream: one array, opened with the first log and closed once the listing has ended (an
  // empty one when the API answered with no log); a refused value leaves the output empty.
  const closeArray = () => {
    if (format === "json" && !signal?.aborted) sink.write(printed === 0 ? "[]\n" : "\n]\n");
  };
  try {
    for await (const log of client.iterateLogs(query, { signal })) {
      if (signal?.aborted) break;
      const line = safeJson(client.redact(log));
      sink.write(format === "json" ? `${printed === 0 ? "[\n" : ",\n"}${line}` : `${line}\n`);
      if (++printed >= limit) break;
    }
    closeArray();
  } catch (error) {
    if (signal?.aborted) return EXIT.ok;
    if (printed > 0) closeArray();
    if (reportedTooDeep(error, operation.operationId, io)) return EXIT.drift;
    reportViolations(asFlagError(error), io);
    return EXIT.drift;
  } finally {
    sink.close();
  }
  return EXIT.ok;
}
