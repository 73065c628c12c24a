// The flags of `video-logs mock`: the parser's options and the help's option lines are read from this table, the
// numbers' defaults and bounds from MOCK_DEFAULTS.
import { type FlagTable, HELP_FLAG, optionSpec } from "../flag-table.ts";

export const MOCK_DEFAULTS = {
  /** No default value: left out, a free port is chosen. */
  port: { min: 1, max: 65_535 },
  seed: { value: 1, min: 0, max: 2 ** 31 - 1 },
} as const;

export const MOCK_FLAGS = [
  {
    heading: "Options",
    flags: [
      {
        name: "port",
        type: "string",
        placeholder: "N",
        description: "port to listen on",
        range: MOCK_DEFAULTS.port,
        unset: "a free one",
      },
      {
        name: "dynamic",
        type: "boolean",
        description: "generate bodies from the schemas instead of serving the named examples",
      },
      {
        name: "seed",
        type: "string",
        placeholder: "N",
        description: "seed for --dynamic, so runs are repeatable",
        range: MOCK_DEFAULTS.seed,
      },
      { name: "quiet", type: "boolean", description: "print only the mock's URL on stdout" },
      HELP_FLAG,
    ],
  },
] as const satisfies FlagTable;

export const MOCK_OPTIONS = optionSpec(MOCK_FLAGS);
