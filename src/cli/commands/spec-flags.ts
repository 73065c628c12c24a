// The flags of `video-logs spec`: the parser's options and the help's option lines are read from this table.
import { type FlagTable, HELP_FLAG, optionSpec } from "../flag-table.ts";

export const SPEC_COMMAND_FLAGS = [
  {
    heading: "Output options",
    flags: [
      {
        name: "openapi",
        type: "string",
        placeholder: "V",
        description:
          "3.1 (default, the spec as written) or 3.0 (its 3.0.3 downgrade, for generators that read only 3.0)",
      },
      { name: "format", type: "string", placeholder: "F", description: "json (default) or yaml" },
      { name: "out", type: "string", placeholder: "FILE", description: "write to FILE instead of stdout" },
    ],
  },
  {
    heading: "Other options",
    flags: [{ name: "quiet", type: "boolean", description: "no notes on stderr; errors only" }, HELP_FLAG],
  },
] as const satisfies FlagTable;

export const SPEC_COMMAND_OPTIONS = optionSpec(SPEC_COMMAND_FLAGS);
