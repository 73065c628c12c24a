// The `video-logs` command line: parses the command, runs it, maps failures to exit codes.
import { isApiError } from "../errors/api-error.ts";
import { isContractViolationError } from "../errors/contract-violation-error.ts";
import { isResponseTooLargeError } from "../errors/response-too-large-error.ts";
import { isVideoLogsError } from "../errors/video-logs-error.ts";
import { escapeTerminal } from "../report/escape-terminal.ts";
import { VERSION } from "../version.ts";
import { isClosedPipe, watchStdoutClosed } from "./closed-output.ts";
import { CommandFailure } from "./command-failure.ts";
import { checkCommand } from "./commands/check.ts";
import { mockCommand } from "./commands/mock.ts";
import { getCommand, listCommand } from "./commands/read.ts";
import { onProcessSignals } from "./interruption.ts";
import { type CliIo, EXIT } from "./io.ts";
import { UsageError } from "./usage-error.ts";

export const HELP = `Usage: video-logs <command> [options]

Commands:
  check           check the API (or the embedded mock) against the spec and report drift
  get <id>        print one video log as JSON
  list            print video logs as NDJSON
  mock            run the Prism mock of the spec
  proxy           a validating reverse proxy: judge an application's real traffic against the spec
  diff <file>     compare the spec with another OpenAPI document
  history <file>  print the drift history that check --history keeps, a row per finding
  spec            print the bundled OpenAPI spec (3.1 or its 3.0 downgrade, JSON or YAML)

Run \`video-logs <command> --help\` for a command's options. \`video-logs --version\` prints the version.
`;

/**
 * Resolves on Ctrl-C or SIGTERM; used by long-running commands. The listeners stay: while one is registered, a signal
 * ends the command's wait instead of the process, and the command gets to clean up.
 */
function untilSignal(): Promise<unknown> {
  return new Promise((resolve) => {
    process.on("SIGINT", resolve);
    process.on("SIGTERM", resolve);
  });
}

export async function runCli(argv: string[], baseIo: CliIo): Promise<number> {
  const [command, ...args] = argv;
  const stdoutClosed = watchStdoutClosed(baseIo.stdout);
  // Nothing useful can be said when stderr itself is closed; its errors must not crash the process either.
  baseIo.stderr.on("error", () => {});
  const io: CliIo = { ...baseIo, stdoutClosed };
  const code = await runCommand(command, args, io);
  // A failed write to a pipe or file is reported on a later tick; let it arrive before the verdict.
  await new Promise((resolve) => setImmediate(resolve));
  if (stdoutClosed.aborted && !isClosedPipe(stdoutClosed.reason)) {
    io.stderr.write(
      `video-logs: cannot write the output: ${escapeTerminal(String((stdoutClosed.reason as Error).message))}\n`,
    );
    return EXIT.usage;
  }
  return code;
}

const COMMANDS: ReadonlySet<string> = new Set(["check", "get", "list", "mock", "proxy", "diff", "history", "spec"]);

async function runCommand(command: string | undefined, args: string[], io: CliIo): Promise<number> {
  try {
    switch (command) {
      case "check":
        // Ctrl-C or SIGTERM ends the check early: it writes the reports of what was judged, marked interrupted.
        return await checkCommand(args, io, onProcessSignals);
      case "get":
        return await getCommand(args, io);
      case "list":
        return await listCommand(args, io);
      case "mock":
        return await mockCommand(args, io, untilSignal);
      case "proxy": {
        // Ctrl-C or SIGTERM stops the proxy: it writes the reports of what it judged, then exits.
        const { proxyCommand } = await import("./commands/proxy.ts");
        return await proxyCommand(args, io, onProcessSignals);
      }
      case "diff": {
        const { diffCommand } = await import("./commands/diff.ts");
        return await diffCommand(args, io);
      }
      case "history": {
        const { historyCommand } = await import("./commands/history.ts");
        return await historyCommand(args, io);
      }
      case "spec": {
        const { specCommand } = await import("./commands/spec.ts");
        return await specCommand(args, io);
      }
      case "--version":
      case "-v":
        io.stdout.write(`${VERSION}\n`);
        return EXIT.ok;
      case "--help":
      case "-h":
      case "help":
        io.stdout.write(HELP);
        return EXIT.ok;
      case undefined:
        io.stderr.write(HELP);
        return EXIT.usage;
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (io.stdoutClosed?.aborted && isClosedPipe(io.stdoutClosed.reason)) return EXIT.ok;
    io.stderr.write(`video-logs: ${describeFailure(error)}\n`);
    if (error instanceof UsageError) {
      // Only a command that exists has help of its own; an unknown one is not repeated back.
      io.stderr.write(
        `Run \`video-logs ${command !== undefined && COMMANDS.has(command) ? `${command} ` : ""}--help\` for usage.\n`,
      );
    }
    return exitCodeFor(error);
  }
}

/**
 * 1 when the API answered and the answer is wrong (an error status, a body that breaks the spec, a body past
 * maxBodyBytes, as `check` reports it); 2 otherwise.
 */
function exitCodeFor(error: unknown): number {
  if (isApiError(error)) return error.status === 401 || error.status === 403 ? EXIT.usage : EXIT.drift;
  if (isContractViolationError(error) || isResponseTooLargeError(error)) return EXIT.drift;
  return EXIT.usage;
}

/** One line for stderr; messages may quote a server (status text, a Location), so they are escaped. */
function describeFailure(error: unknown): string {
  if (isApiError(error) && (error.status === 401 || error.status === 403)) {
    return `${escapeTerminal(error.message)}: the API refused the credentials; check SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN`;
  }
  if (error instanceof UsageError || error instanceof CommandFailure) return error.lines.map(escapeTerminal).join("\n");
  if (isVideoLogsError(error)) return escapeTerminal(error.message);
  // Anything else is operational (a file that cannot be written, Prism that cannot start) or a bug: say what it was.
  const message = escapeTerminal(error instanceof Error ? error.message : String(error));
  if (!process.env.VIDEO_LOGS_DEBUG || !(error instanceof Error) || !error.stack) return message;
  // The frames follow the message in the stack; the message is escaped as one line, so it cannot forge frames.
  const head = `${error.name}: ${error.message}`;
  const frames = error.stack.startsWith(head) ? error.stack.slice(head.length).split("\n").slice(1) : [];
  return [`${escapeTerminal(error.name)}: ${message}`, ...frames.map(escapeTerminal)].join("\n");
}
