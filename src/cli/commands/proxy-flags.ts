// The flags of `video-logs proxy`: the parser's options and the help's option lines are read from this table. The
// report, check and history flags are check's own rows, with the same meaning; the numbers' defaults and bounds come
// from the defaults tables the client and the check read.

import { TOUR_DEFAULTS } from "../../check/tour-defaults.ts";
import { CLIENT_DEFAULTS } from "../../client/defaults.ts";
import { type FlagTable, HELP_FLAG, optionSpec } from "../flag-table.ts";
import { SARIF_ROOT_FLAG } from "../sarif-root.ts";
import { SPEC_FLAG } from "../spec-flag.ts";
import {
  BASELINE_FLAG,
  CHECKS_FLAG,
  FAIL_ON_FLAG,
  HISTORY_FLAG,
  PROPOSE_FLAG,
  QUIET_FLAG,
  REPORT_FLAG,
  SKIP_CHECKS_FLAG,
  STRICT_FLAG,
} from "./check-flags.ts";

export const PROXY_DEFAULTS = {
  port: { value: 0, min: 0, max: 65_535 },
  timeoutMs: TOUR_DEFAULTS.timeoutMs,
  maxBodyBytes: CLIENT_DEFAULTS.maxBodyBytes,
  /** No default value: left out, the reports are written at exit only. */
  flushEverySeconds: { min: 1, max: 86_400 },
} as const;

export const PROXY_FLAGS = [
  {
    heading: "Proxy options",
    flags: [
      {
        name: "upstream",
        type: "string",
        placeholder: "URL",
        description:
          "the origin every request goes to (https, or http to a loopback host), with no path: https://example.signalwire.com",
      },
      {
        name: "host",
        type: "string",
        placeholder: "HOST",
        description:
          "the address to listen on (default 127.0.0.1); any other is reachable by others, so it must be named",
      },
      {
        name: "port",
        type: "string",
        placeholder: "N",
        description: "the port to listen on (0: a free one)",
        range: PROXY_DEFAULTS.port,
      },
      {
        name: "timeout",
        type: "string",
        placeholder: "MS",
        description: "the longest wait for the upstream's response headers, then between chunks; past it: 504",
        range: PROXY_DEFAULTS.timeoutMs,
      },
      {
        name: "max-body-bytes",
        type: "string",
        placeholder: "N",
        description:
          "the largest response body judged, raw and decoded; a larger one passes through unjudged and is counted",
        range: PROXY_DEFAULTS.maxBodyBytes,
      },
      {
        name: "record",
        type: "string",
        placeholder: "FILE",
        description:
          "stream every exchange, redacted, to a recording: NDJSON (one HAR entry per line) for .ndjson or .jsonl, else HAR 1.2; `check --har FILE` judges it again",
      },
    ],
  },
  { heading: "Check options", flags: [SPEC_FLAG, CHECKS_FLAG, SKIP_CHECKS_FLAG, STRICT_FLAG] },
  {
    heading: "Report options",
    flags: [
      BASELINE_FLAG,
      REPORT_FLAG,
      SARIF_ROOT_FLAG,
      PROPOSE_FLAG,
      {
        name: "flush-every",
        type: "string",
        placeholder: "SECONDS",
        description: "also rewrite the reports every SECONDS while the proxy runs (the history gets one run, at exit)",
        range: PROXY_DEFAULTS.flushEverySeconds,
        unset: "at exit only",
      },
    ],
  },
  { heading: "History options", flags: [HISTORY_FLAG, FAIL_ON_FLAG] },
  { heading: "Other options", flags: [QUIET_FLAG, HELP_FLAG] },
] as const satisfies FlagTable;

export const PROXY_OPTIONS = optionSpec(PROXY_FLAGS);
