// `video-logs get --help` and `video-logs list --help`: what each prints, then its options, generated from its table.
import type { Operation } from "../../operations/operation-table.ts";
import { optionsHelp } from "../flag-table.ts";
import { getFlags, listFlags } from "./read-flags.ts";

const TARGET = `Target: --base-url URL or --space NAME (default SIGNALWIRE_SPACE); credentials from SIGNALWIRE_PROJECT_ID and
SIGNALWIRE_API_TOKEN; proxy from HTTPS_PROXY, HTTP_PROXY and NO_PROXY.`;

const EXIT = `Exit: 0 success; 1 the API answered with an error or with a body that breaks the spec; 2 usage, connection or
credential problem.`;

export const getHelp = (operation: Operation): string => `Usage: video-logs get <id> [options]

Prints one video log as JSON.

${TARGET}

${optionsHelp(getFlags(operation))}

${EXIT}
`;

export const listHelp = (operation: Operation): string => `Usage: video-logs list [options]

Prints video logs as NDJSON (one log per line), following the pages.

${TARGET}

${optionsHelp(listFlags(operation))}

${EXIT}
`;
