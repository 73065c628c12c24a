// The flags of `video-logs history FILE`: the parser's options and the help's option lines are read from this table.
import { type FlagTable, HELP_FLAG, optionSpec } from "../flag-table.ts";

export const HISTORY_FLAGS = [
  {
    heading: "Output options",
    flags: [
      {
        name: "format",
        type: "string",
        placeholder: "F",
        description: "text (default, an aligned table), markdown (a GitHub table, for a job summary) or json",
      },
      { name: "out", type: "string", placeholder: "FILE", description: "write to FILE instead of stdout" },
    ],
  },
  {
    heading: "Other options",
    flags: [{ name: "quiet", type: "boolean", description: "no notes on stderr; errors only" }, HELP_FLAG],
  },
] as const satisfies FlagTable;

export const HISTORY_OPTIONS = optionSpec(HISTORY_FLAGS);
