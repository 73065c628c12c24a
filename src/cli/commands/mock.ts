// `video-logs mock`: the Prism mock of the spec in the foreground, until Ctrl-C.
import { type CliIo, EXIT } from "../io.ts";
import { integerFlag, parseCommandArgs } from "../parse-command-args.ts";

export const MOCK_HELP = `Usage: video-logs mock [options]

Runs a Prism mock server of the spec on 127.0.0.1 until interrupted.

  --port N        port to listen on (default: a free one)
  --dynamic       generate bodies from the schemas instead of serving the named examples
  --seed N        seed for --dynamic (default 1), so runs are repeatable
  --quiet         print only the mock's URL on stdout
  -h, --help      this help

It prints the command that checks it: \`video-logs check --mock --base-url URL\`.

Exit: 0 when stopped with Ctrl-C or SIGTERM; 2 on a usage error, a taken port or Prism not installed.
`;

export async function mockCommand(args: string[], io: CliIo, untilStopped: () => Promise<unknown>): Promise<number> {
  const { values } = parseCommandArgs(args, {
    port: { type: "string" },
    dynamic: { type: "boolean" },
    seed: { type: "string" },
    quiet: { type: "boolean" },
  });
  if (values.help) {
    io.stdout.write(MOCK_HELP);
    return EXIT.ok;
  }
  const port = values.port === undefined ? undefined : integerFlag("port", values.port, { min: 1, max: 65535 });
  const seed = integerFlag("seed", values.seed, { value: 1, min: 0, max: 2 ** 31 - 1 });
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
