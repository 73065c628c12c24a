// The flags of `video-logs check`, grouped as its help shows them: the parser's options, the help's option lines and
// the flags a recording refuses are all read from this table; the numbers' defaults and bounds from TOUR_DEFAULTS.
import { WRITTEN_ENTRY_DAYS } from "../../check/baseline.ts";
import { MAX_RECORDING_BYTES } from "../../check/har/recording-limits.ts";
import { MIN_COVERAGE, SEED_RANGE, TOUR_DEFAULTS } from "../../check/tour-defaults.ts";
import { HISTORY_DEFAULTS } from "../../history/history-defaults.ts";
import { type FlagTable, flagNames, HELP_FLAG, optionSpec } from "../flag-table.ts";
import { SARIF_ROOT_FLAG } from "../sarif-root.ts";
import { SPEC_FLAG } from "../spec-flag.ts";
import { BASE_URL_FLAG, SPACE_FLAG } from "../target-flags.ts";

// The rows the proxy shares, with the same meaning.
export const CHECKS_FLAG = {
  name: "checks",
  type: "string",
  placeholder: "A,B",
  description: "run only these checks",
} as const;

export const SKIP_CHECKS_FLAG = {
  name: "skip-checks",
  type: "string",
  placeholder: "A,B",
  description: "run every check but these",
} as const;

export const STRICT_FLAG = {
  name: "strict",
  type: "boolean",
  description: "additive drift (unknown fields) fails too",
} as const;

export const BASELINE_FLAG = {
  name: "baseline",
  type: "string",
  placeholder: "FILE",
  description:
    'known drift: a finding it names is reported as known and does not fail the run, a new one does. An ignore file, {"ignore": [{"check": "response-schema", "operation": "get_log", "pointer": "/data/*/charge"}]} (schemas/baseline.schema.json): each entry names its check and may name operation, status, pointer (* for any one segment), keyword and fingerprint, all of which must match, a reason, and expires (YYYY-MM-DD, to the end of that day, UTC); or an earlier JSON report, whose findings it names by fingerprint. Entries that matched nothing (stale) or expired are listed as notes',
} as const;

export const REPORT_FLAG = {
  name: "report",
  type: "string",
  multiple: true,
  placeholder: "F=FILE",
  description:
    "write a report in format F (text, json, junit, markdown, sarif or gitlab) to FILE (`-`: stdout, for one report at most); repeatable, so one run writes several reports: --report junit=drift.xml --report sarif=drift.sarif. sarif (SARIF 2.1.0) and gitlab (GitLab Code Quality) point each finding at the line of the spec (--spec's file, or the built-in one) that declares what it is about. Unless the text report goes to stdout, the summary line goes to stderr",
} as const;

export const PROPOSE_FLAG = {
  name: "propose",
  type: "string",
  placeholder: "FILE",
  description:
    "write an OpenAPI Overlay 1.0.0 (YAML) whose actions make every JSON response seen valid for the spec, each with its evidence; what cannot be proposed (a body that is not JSON…) is listed under x-not-proposed. Written with the reports (with nothing to propose: one action that changes nothing); exit codes unchanged",
} as const;

export const HISTORY_FLAG = {
  name: "history",
  type: "string",
  placeholder: "FILE",
  description:
    "keep a drift history in FILE (JSON, schemas/history.schema.json; created when missing): this run is added and each finding told new, recurring, regressed or flapping, with the findings resolved since the previous run; written atomically under a lock, so runs at once all land. A file that is not a history exits 2 and is left as it is. `video-logs history FILE` shows it",
} as const;

export const FAIL_ON_FLAG = {
  name: "fail-on",
  type: "string",
  placeholder: "WHAT",
  description:
    "breaking (default): every breaking finding not known fails the run; new: only the breaking findings new or regressed since the history's earlier runs (with --strict, additive ones too); needs --history",
} as const;

export const QUIET_FLAG = {
  name: "quiet",
  type: "boolean",
  description: "no progress and no notes on stderr; errors only",
} as const;

/** `--max-recording-bytes`: up to 4 GiB by default, 1 TiB at most. */
export const MAX_RECORDING_BYTES_RANGE = { value: MAX_RECORDING_BYTES, min: 1, max: 1024 ** 4 } as const;

export const CHECK_FLAGS = [
  {
    heading: "Recording options",
    flags: [
      {
        name: "har",
        type: "string",
        placeholder: "FILE",
        description: "judge a recording instead of sending requests (without any target or request option)",
      },
      {
        name: "har-prefix",
        type: "string",
        placeholder: "PATH",
        description: "strip a proxy's path prefix (/some/prefix) from the recorded paths before matching",
      },
      {
        name: "max-recording-bytes",
        type: "string",
        placeholder: "N",
        description:
          "the largest recording read; it is read as a stream (twice: its credentials first, then its entries), so memory does not grow with it",
        range: MAX_RECORDING_BYTES_RANGE,
      },
      {
        name: "record",
        type: "string",
        placeholder: "FILE",
        description:
          "write every exchange of the tour to FILE, a HAR 1.2 recording (written atomically; no Authorization, cookie or credential header, and every credential a server echoed redacted), each entry with its probe, the seed, the pin and the run's options in _videoLogs, for --replay",
      },
      {
        name: "replay",
        type: "string",
        placeholder: "FILE",
        description:
          "run the tour of a recording of --record again, offline, every check included: each planned request is answered from the recording by its probe, with the recorded seed and pin, so the findings and verdict are the recorded run's. The options (--pages, --sample, --checks, --strict…) must be the recorded ones: any that differ exit 2, named; a request the recording cannot answer is a request without response (exit 2)",
      },
      {
        name: "seed",
        type: "string",
        placeholder: "N",
        description:
          "the seed every random choice of the tour is drawn from (the unknown id it asks for); shown in the report, so a run can be repeated",
        range: SEED_RANGE,
        unset: "random",
      },
    ],
  },
  {
    heading: "Target options",
    liveOnly: true,
    flags: [
      BASE_URL_FLAG,
      SPACE_FLAG,
      {
        name: "mock",
        type: "boolean",
        description:
          "the target is a Prism mock (e.g. `video-logs mock`): send it status hints, skip the checks a static mock cannot satisfy (with a note), and use placeholder credentials",
      },
    ],
  },
  {
    heading: "Request options",
    liveOnly: true,
    flags: [
      {
        name: "pages",
        type: "string",
        placeholder: "N",
        description: "pages to read per listing",
        range: TOUR_DEFAULTS.pages,
      },
      {
        name: "sample",
        type: "string",
        placeholder: "N",
        description: "ids to fetch one by one",
        range: TOUR_DEFAULTS.sample,
      },
      {
        name: "concurrency",
        type: "string",
        placeholder: "N",
        description: "probes in flight at once; the report's order does not depend on it",
        range: TOUR_DEFAULTS.concurrency,
      },
      {
        name: "rate",
        type: "string",
        placeholder: "N/s",
        description: "at most N requests per second (default: no limit)",
      },
      {
        name: "max-requests",
        type: "string",
        placeholder: "N",
        description: "requests the tour may send, retries included",
        range: TOUR_DEFAULTS.maxRequests,
      },
      { name: "no-auth-probe", type: "boolean", description: "skip the no-credentials and wrong-credentials requests" },
      {
        name: "timeout",
        type: "string",
        placeholder: "MS",
        description: "per-request timeout",
        range: TOUR_DEFAULTS.timeoutMs,
      },
    ],
  },
  {
    heading: "Check options",
    flags: [
      SPEC_FLAG,
      CHECKS_FLAG,
      SKIP_CHECKS_FLAG,
      { name: "list-checks", type: "boolean", description: "print the checks, one line each, and exit" },
      STRICT_FLAG,
      {
        name: "min-coverage",
        type: "string",
        placeholder: "PCT",
        description:
          "fail (a finding of check coverage) when the responses show less than PCT% of the statuses, parameters, enum values, union branches and optional or nullable properties the spec declares; every report shows what was not seen",
        range: MIN_COVERAGE,
        unset: "none",
      },
    ],
  },
  {
    heading: "Report options",
    flags: [
      BASELINE_FLAG,
      {
        name: "write-baseline",
        type: "string",
        placeholder: "FILE",
        description: `write an ignore file of this run's findings, each with its fingerprint and expiring ${WRITTEN_ENTRY_DAYS} days after the run's start, to accept today's drift in one step: a later check --baseline FILE fails only on new drift`,
      },
      REPORT_FLAG,
      {
        name: "format",
        type: "string",
        placeholder: "F",
        description: "text (default), json, junit, markdown, sarif or gitlab",
      },
      {
        name: "out",
        type: "string",
        placeholder: "FILE",
        description: "write the report to FILE instead of stdout (--format F --out FILE is --report F=FILE)",
      },
      SARIF_ROOT_FLAG,
      PROPOSE_FLAG,
    ],
  },
  {
    heading: "History options",
    flags: [
      HISTORY_FLAG,
      {
        name: "history-keep",
        type: "string",
        placeholder: "N",
        description: "runs the history keeps; older ones are pruned (each finding's first-seen time is kept)",
        range: HISTORY_DEFAULTS.keep,
      },
      FAIL_ON_FLAG,
    ],
  },
  {
    heading: "Other options",
    flags: [QUIET_FLAG, HELP_FLAG],
  },
] as const satisfies FlagTable;

export const CHECK_OPTIONS = optionSpec(CHECK_FLAGS);

/** The flags that choose a target or steer the requests of a live check: a check of a recording refuses them. */
export const LIVE_ONLY_FLAGS = flagNames(CHECK_FLAGS, (group) => group.liveOnly === true);
