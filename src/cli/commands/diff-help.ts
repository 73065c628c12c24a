// `video-logs diff --help`: what it compares, then its options, generated from DIFF_FLAGS.
import { optionsHelp } from "../flag-table.ts";
import { DIFF_FLAGS } from "./diff-flags.ts";

export const DIFF_HELP = `Usage: video-logs diff <other.yaml|json> [options]

Compares our OpenAPI spec (the base a client was built from) with another OpenAPI 3.x document
(what the server now documents) for the operations our spec describes, and classifies every
difference as breaking, non-breaking or informational.

${optionsHelp(DIFF_FLAGS)}

Exit: 0 no differences, or only informational ones (or only non-breaking ones with --fail-on breaking),
1 differences at or above the --fail-on level, 2 usage error, or a document that cannot be read or is not OpenAPI 3.x.
`;
