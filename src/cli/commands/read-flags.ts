// The flags of `video-logs get` and `video-logs list`, grouped as their help shows them: the parser's options and the
// help's option lines are read from these tables; the query flags from the parameters of the spec in use (the one
// `--spec` names, else the built-in one), the timeout's default and bounds from CLIENT_DEFAULTS.
import { CLIENT_DEFAULTS } from "../../client/defaults.ts";
import type { Operation } from "../../operations/operation-table.ts";
import { type FlagGroup, type FlagTable, HELP_FLAG, optionSpec } from "../flag-table.ts";
import { queryFlagRows } from "../operation-flags.ts";
import { SPEC_FLAG } from "../spec-flag.ts";
import { BASE_URL_FLAG, SPACE_FLAG } from "../target-flags.ts";
import { GET_OPERATION, LIST_OPERATION } from "./read-operations.ts";

const OUT_FLAG = {
  name: "out",
  type: "string",
  placeholder: "FILE",
  description: "write the data to FILE instead of stdout",
} as const;

const queryGroup = (operation: Operation): FlagGroup => ({
  heading: "Query options (from the spec)",
  flags: queryFlagRows(operation),
});

/** What `--validation off` still reports: what cannot be read at all, whatever the spec says. */
const UNREADABLE = { get: "a body that is not JSON", list: "a page that is not JSON or cannot be followed" } as const;

/** Where the data comes from and how it is asked for: the same for get and list, but for what off still reports. */
const requestGroups = (command: keyof typeof UNREADABLE) =>
  [
    { heading: "Target options", flags: [BASE_URL_FLAG, SPACE_FLAG] },
    {
      heading: "Request options",
      flags: [
        {
          name: "validation",
          type: "string",
          placeholder: "M",
          description:
            "tolerant (default): each finding goes once to stderr, a breaking one exits 1; strict: an additive finding " +
            `exits 1 too; off: nothing is validated, only ${UNREADABLE[command]} is reported (exit 1)`,
        },
        SPEC_FLAG,
        {
          name: "timeout",
          type: "string",
          placeholder: "MS",
          description: "per-request timeout",
          range: CLIENT_DEFAULTS.timeoutMs,
        },
      ],
    },
    {
      heading: "Other options",
      flags: [
        {
          name: "quiet",
          type: "boolean",
          description: "on stderr, only what fails the run: no additive finding unless --validation strict",
        },
        HELP_FLAG,
      ],
    },
  ] as const satisfies FlagTable;

/** The flags of `get`, its query flags from `operation`'s parameters. */
export const getFlags = (operation: Operation) =>
  [
    {
      heading: "Output options",
      flags: [
        {
          name: "format",
          type: "string",
          placeholder: "F",
          description: "json (default, indented) or ndjson (one line)",
        },
        OUT_FLAG,
      ],
    },
    queryGroup(operation),
    ...requestGroups("get"),
  ] as const satisfies FlagTable;

/** --limit has no default value: left out, every log is listed. */
export const LIMIT_RANGE = { min: 1, max: Number.MAX_SAFE_INTEGER };

/** The flags of `list`, its query flags from `operation`'s parameters. */
export const listFlags = (operation: Operation) =>
  [
    {
      heading: "Output options",
      flags: [
        {
          name: "limit",
          type: "string",
          placeholder: "N",
          description: "print at most N logs; the findings are those of the logs printed and their pages",
          range: LIMIT_RANGE,
          unset: "all",
        },
        {
          name: "format",
          type: "string",
          placeholder: "F",
          description: "ndjson (default, one log per line) or json (one array)",
        },
        OUT_FLAG,
      ],
    },
    queryGroup(operation),
    ...requestGroups("list"),
  ] as const satisfies FlagTable;

export const getOptions = (operation: Operation) => optionSpec(getFlags(operation));
export const listOptions = (operation: Operation) => optionSpec(listFlags(operation));

/** The built-in spec's. */
export const GET_FLAGS = getFlags(GET_OPERATION);
export const LIST_FLAGS = listFlags(LIST_OPERATION);
export const GET_OPTIONS = getOptions(GET_OPERATION);
export const LIST_OPTIONS = listOptions(LIST_OPERATION);
