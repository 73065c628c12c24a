// The flags of `video-logs diff`: the parser's options and the help's option lines are read from this table.
import { type FlagTable, HELP_FLAG, optionSpec } from "../flag-table.ts";
import { SARIF_ROOT_FLAG } from "../sarif-root.ts";

export const DIFF_FLAGS = [
  {
    heading: "Options",
    flags: [
      {
        name: "report",
        type: "string",
        multiple: true,
        placeholder: "F=FILE",
        description:
          "write a report in format F (text, json, markdown, sarif or gitlab) to FILE (`-`: stdout, for one report at most); repeatable: --report sarif=diff.sarif --report markdown=diff.md",
      },
      {
        name: "format",
        type: "string",
        placeholder: "F",
        description: "text (default), json, markdown, sarif or gitlab",
      },
      {
        name: "out",
        type: "string",
        placeholder: "FILE",
        description: "write the report to FILE instead of stdout (--format F --out FILE is --report F=FILE)",
      },
      SARIF_ROOT_FLAG,
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
