// `video-logs spec --help`: what it prints, then its options, generated from SPEC_COMMAND_FLAGS.
import { optionsHelp } from "../flag-table.ts";
import { SPEC_COMMAND_FLAGS } from "./spec-flags.ts";

export const SPEC_COMMAND_HELP = `Usage: video-logs spec [options]

Prints the spec this toolkit judges by, bundled into one document with every $ref inside it: the OpenAPI 3.1 spec
as written, or its 3.0.3 downgrade for generators that read only 3.0; as JSON or YAML. The package holds the same four
files: signalwire-video-logs/openapi.json, openapi.yaml, openapi-3.0.json and openapi-3.0.yaml.

${optionsHelp(SPEC_COMMAND_FLAGS)}

Exit: 0 printed; 2 usage, or an --out that cannot be written.
`;
