// The flags of `video-logs diff`: the parser's options and the help's option lines are read from this table.
import { type FlagTable, HELP_FLAG, optionSpec } from "../flag-table.ts";

export const DIFF_FLAGS = [
  {
    heading: "Options",
    flags: [
      { name: "format", type: "string", placeholder: "F", description: "text (default), json or markdown" },
      { name: "out", type: "string", placeholder: "FILE", description: "write the report to FILE instead of stdout" },
      {
        name: "fail-on",
        type: "string",
        placeholder: "LEVEL",
        description: "breaking, or non-breaking (default): the lowest level that makes the command exit 1",
      },
      {
        name: "ours",
        type: "string",
        placeholder: "PATH",
        description: "the base document (default: the toolkit's own spec)",
      },
      { name: "quiet", type: "boolean", description: "no notes on stderr; errors only" },
      HELP_FLAG,
    ],
  },
] as const satisfies FlagTable;

export const DIFF_OPTIONS = optionSpec(DIFF_FLAGS);
