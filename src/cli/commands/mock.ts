// `video-logs mock`: the Prism mock of the spec in the foreground, until Ctrl-C.
import { type CliIo, EXIT } from "../io.ts";
import { integerFlag, parseCommandArgs } from "../parse-command-args.ts";
import { MOCK_DEFAULTS, MOCK_OPTIONS } from "./mock-flags.ts";
import { MOCK_HELP } from "./mock-help.ts";

export async function mockCommand(args: string[], io: CliIo, untilStopped: () => Promise<unknown>): Promise<number> {
  const { values } = parseCommandArgs(args, MOCK_OPTIONS);
  if (values.help) {
    io.stdout.write(MOCK_HELP);
    return EXIT.ok;
  }
  const port = integerFlag("port", values.port, MOCK_DEFAULTS.port);
  const seed = integerFlag("seed", values.seed, MOCK_DEFAULTS.seed);
  const { startPrismMock } = await import("../../mock/start-prism.ts");
  const stopped = untilStopped();
  const mock = await startPrismMock({ port, dynamic: Boolean(values.dynamic), seed });
  if (values.quiet) io.stdout.write(`${mock.url}\n`);
  else {
    io.stdout.write(`Prism mock of the Video Logs spec listening on ${mock.url} (Ctrl-C to stop)\n`);
    io.stdout.write(`Check it with: video-logs check --mock --base-url ${mock.url}\n`);
  }
  await stopped;
  await mock.stop();
  return EXIT.ok;
}
