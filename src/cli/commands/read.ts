// `video-logs get <id>` and `video-logs list`: read the API from the shell; data on stdout, problems on stderr.
import type { VideoLogsClient } from "../../client/create-client.ts";
import { isContractViolationError } from "../../errors/contract-violation-error.ts";
import { getByIdOperations, type OperationId, operationOf, parametersIn } from "../../operations/operation-table.ts";
import { safeJson } from "../../report/escape-json.ts";
import { escapeTerminal as t } from "../../report/escape-terminal.ts";
import type { ListLogsQuery } from "../../types.ts";
import type { ValidationMode } from "../../validation/violation.ts";
import { openDataSink } from "../data-sink.ts";
import { type CliIo, EXIT } from "../io.ts";
import { asFlagError, queryFlagHelp, queryFlagOptions, queryFromFlags } from "../operation-flags.ts";
import { choiceFlag, integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { resolveTarget } from "../resolve-target.ts";
import { UsageError } from "../usage-error.ts";

const TARGET_HELP = `Target: --base-url URL or --space NAME (default SIGNALWIRE_SPACE); credentials from SIGNALWIRE_PROJECT_ID and
SIGNALWIRE_API_TOKEN; proxy from HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
  --validation M      strict, tolerant (default) or off; violations are reported on stderr
  --timeout MS        per-request timeout, 1 to 600000 (default 30000)
  --out FILE          write the data to FILE instead of stdout
  --quiet             no notes on stderr; errors only
  -h, --help          this help

Exit: 0 success; 1 the API answered with an error or with a body that breaks the spec; 2 usage, connection or
credential problem.`;

/** The operations behind the two commands; their flags come from the spec's parameters. */
const LIST_OPERATION = operationOf("list_logs");
const GET_OPERATION = getByIdOperations().find((operation) => operation.getById!.list === LIST_OPERATION.operationId)!;
const GET_QUERY =
  parametersIn(GET_OPERATION, "query").length > 0
    ? `Query parameters (from the spec):\n${queryFlagHelp(GET_OPERATION)}\n`
    : "";

export const GET_HELP = `Usage: video-logs get <id> [options]

Prints one video log as JSON.

  --format F          json (default, indented) or ndjson (one line)

${GET_QUERY}${TARGET_HELP}
`;

export const LIST_HELP = `Usage: video-logs list [options]

Prints video logs as NDJSON (one log per line), following the pages.

  --limit N              stop after N logs (default: all)
  --format F             ndjson (default, one log per line) or json (one array)
Query parameters (from the spec):
${queryFlagHelp(LIST_OPERATION)}
${TARGET_HELP}
`;

const TARGET_OPTIONS = {
  "base-url": { type: "string" },
  space: { type: "string" },
  validation: { type: "string" },
  timeout: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  quiet: { type: "boolean" },
} as const;

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
  const timeoutMs = integerFlag("timeout", values.timeout, { value: 30_000, min: 1, max: 600_000 });
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
  const { values, positionals } = parseCommandArgs(args, { ...queryFlagOptions(GET_OPERATION), ...TARGET_OPTIONS }, 1);
  if (values.help) {
    io.stdout.write(GET_HELP);
    return EXIT.ok;
  }
  const id = positionals[0];
  if (!id) throw new UsageError("Missing <id>: video-logs get <id>");
  const format = choiceFlag("format", values.format, DATA_FORMATS, "json");
  const client = clientFrom(values, io);
  const sink = openDataSink(io, values.out);
  let log: unknown;
  let exit: number = EXIT.ok;
  try {
    // A log is the server's data; one that echoes the credentials back must not print them.
    const params = { path: { [GET_OPERATION.getById!.idParameter]: id }, query: queryFromFlags(GET_OPERATION, values) };
    log = client.redact(await client.get(GET_OPERATION.operationId as OperationId, params as never));
  } catch (error) {
    if (reportedTooDeep(error, GET_OPERATION.operationId, io)) return EXIT.drift;
    log = reportViolations(asFlagError(error), io);
    exit = EXIT.drift;
  }
  let text: string;
  try {
    text = format === "json" ? safeJson(log, 2) : safeJson(log);
  } catch (error) {
    if (reportedTooDeep(error, GET_OPERATION.operationId, io)) return EXIT.drift;
    throw error;
  }
  sink.write(`${text}\n`);
  sink.close();
  return exit;
}

export async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    ...queryFlagOptions(LIST_OPERATION),
    ...TARGET_OPTIONS,
    limit: { type: "string" },
  });
  if (values.help) {
    io.stdout.write(LIST_HELP);
    return EXIT.ok;
  }
  const limit = integerFlag("limit", values.limit, {
    value: Number.MAX_SAFE_INTEGER,
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
  });
  const format = choiceFlag("format", values.format, DATA_FORMATS, "ndjson");
  // Typed by the spec's parameters, checked by the client before anything is sent.
  const query = queryFromFlags(LIST_OPERATION, values) as ListLogsQuery;
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
    if (reportedTooDeep(error, LIST_OPERATION.operationId, io)) return EXIT.drift;
    reportViolations(asFlagError(error), io);
    return EXIT.drift;
  } finally {
    sink.close();
  }
  return EXIT.ok;
}
