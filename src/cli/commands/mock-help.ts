// `video-logs mock --help`: what the mock serves, then its options, generated from MOCK_FLAGS.
import { optionsHelp } from "../flag-table.ts";
import { MOCK_FLAGS } from "./mock-flags.ts";

export const MOCK_HELP = `Usage: video-logs mock [options]

Runs a Prism mock server of the spec on 127.0.0.1 until interrupted.

${optionsHelp(MOCK_FLAGS)}

It prints the command that checks it: \`video-logs check --mock --base-url URL\`.

Exit: 0 when stopped with Ctrl-C or SIGTERM; 2 on a usage error, a taken port or Prism not installed.
`;
