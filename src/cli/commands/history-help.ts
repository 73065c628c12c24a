// `video-logs history --help`: what it prints, then its options, generated from HISTORY_FLAGS.
import { HISTORY_LIMITS } from "../../history/history-defaults.ts";
import { STRIP_MARKS } from "../../history/history-view.ts";
import { optionsHelp } from "../flag-table.ts";
import { HISTORY_FLAGS } from "./history-flags.ts";

export const HISTORY_HELP = `Usage: video-logs history FILE [options]

Prints the drift history that \`video-logs check --history FILE\` keeps: a row per finding ever seen, with its state
as of the last run (new, regressed, flapping, recurring; resolved when the latest run that observed it shows it
absent; not observed when no run has observed it since it was last seen), when it was first and last seen, in how
many of the runs kept, and a strip of the last ${HISTORY_LIMITS.stripRuns} runs, oldest first, one character each:

  ${STRIP_MARKS.present}  the run saw it
  ${STRIP_MARKS.absent}  the run shows it absent
  ${STRIP_MARKS.unobserved}  the run did not observe it

A run observes a finding only with the last run's target and spec; it shows it absent only when it was complete and
ran the finding's check on its operation.

${optionsHelp(HISTORY_FLAGS)}

Exit: 0 printed; 2 usage, or a FILE that does not exist or is not a history (left as it is).
`;
