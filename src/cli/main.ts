// The `video-logs` command line: parses the command, runs it, maps failures to exit codes.
import { isVideoLogsError } from "../errors/video-logs-error.ts";
import { VERSION } from "../version.ts";
import { CHECK_HELP, checkCommand } from "./commands/check.ts";
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
    if (error instanceof UsageError) {
      io.stderr.write(`video-logs: ${error.message}\nRun \`video-logs ${command && !command.startsWith("-") ? `${command} ` : ""}--help\` for usage.\n`);
      return EXIT.usage;
    }
    if (isVideoLogsError(error)) {
      io.stderr.write(`video-logs: ${error.message}\n`);
      return error.name === "ApiError" || error.name === "ContractViolationError" ? EXIT.drift : EXIT.usage;
    }
    throw error;
  }
}

export { CHECK_HELP };
