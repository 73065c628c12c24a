// The `video-logs` command line: parses the command, runs it, maps failures to exit codes.
import { isApiError } from "../errors/api-error.ts";
import { isContractViolationError } from "../errors/contract-violation-error.ts";
import { isVideoLogsError } from "../errors/video-logs-error.ts";
import { VERSION } from "../version.ts";
import { checkCommand } from "./commands/check.ts";
import { mockCommand } from "./commands/mock.ts";
import { getCommand, listCommand } from "./commands/read.ts";
import { EXIT, type CliIo } from "./io.ts";
import { UsageError } from "./usage-error.ts";

export const HELP = `Usage: video-logs <command> [options]

Commands:
  check           check the API (or the embedded mock) against the spec and report drift
  get <id>        print one video log as JSON
  list            print video logs as NDJSON
  mock            run the Prism mock of the spec
  diff <file>     compare the spec with another OpenAPI document

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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "check":
        return await checkCommand(args, io);
      case "get":
        return await getCommand(args, io);
      case "list":
        return await listCommand(args, io);
      case "mock":
        return await mockCommand(args, io, untilSignal);
      case "diff": {
        const { diffCommand } = await import("../diff/command.ts");
        return await diffCommand(args, io);
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
    io.stderr.write(`video-logs: ${describeFailure(error)}\n`);
    if (error instanceof UsageError) {
      io.stderr.write(`Run \`video-logs ${command && !command.startsWith("-") ? `${command} ` : ""}--help\` for usage.\n`);
    }
    return exitCodeFor(error);
  }
}

/** 1 when the API answered and the answer is wrong (an error status, a body that breaks the spec); 2 otherwise. */
function exitCodeFor(error: unknown): number {
  if (isApiError(error)) return error.status === 401 || error.status === 403 ? EXIT.usage : EXIT.drift;
  if (isContractViolationError(error)) return EXIT.drift;
  return EXIT.usage;
}

function describeFailure(error: unknown): string {
  if (isApiError(error) && (error.status === 401 || error.status === 403)) {
    return `${error.message}: the API refused the credentials; check SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN`;
  }
  if (error instanceof UsageError || isVideoLogsError(error)) return error.message;
  // Anything else is operational (a file that cannot be written, Prism that cannot start) or a bug: say what it was.
  const message = error instanceof Error ? error.message : String(error);
  return process.env.VIDEO_LOGS_DEBUG && error instanceof Error && error.stack ? error.stack : message;
}

