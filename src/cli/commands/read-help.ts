// `video-logs get --help` and `video-logs list --help`: what each prints, then its options, generated from its table.
import type { Operation } from "../../operations/operation-table.ts";
import { optionsHelp } from "../flag-table.ts";
import { getFlags, listFlags } from "./read-flags.ts";

const TARGET = `Target: --base-url URL or --space NAME (default SIGNALWIRE_SPACE); credentials from SIGNALWIRE_PROJECT_ID and
SIGNALWIRE_API_TOKEN; proxy from HTTPS_PROXY, HTTP_PROXY and NO_PROXY.`;

const FINDINGS = `Findings: what the data received breaks in the spec goes to stderr, each finding once (grouped by fingerprint,
as \`check\` groups them): \`breaking|additive OPERATION POINTER: message\`, the POINTER with * for each array index,
and "(seen N times)" when seen more than once. Unless --quiet, additive findings are listed too.`;

const EXIT = `Exit: 0 success, additive findings included; 1 the API answered with an error, or with a body that breaks the
spec (an additive finding too with --validation strict); 2 usage, connection or credential problem.`;

export const getHelp = (operation: Operation): string => `Usage: video-logs get <id> [options]

Prints one video log as JSON: the body received, also when it breaks the spec.

${TARGET}

${optionsHelp(getFlags(operation))}

${FINDINGS}

${EXIT}
`;

export const listHelp = (operation: Operation): string => `Usage: video-logs list [options]

Prints video logs as NDJSON (one log per line), following the pages: the logs received, also from a page that
breaks the spec; a page that cannot be followed ends the listing after its logs.

${TARGET}

${optionsHelp(listFlags(operation))}

${FINDINGS}

${EXIT}
`;
