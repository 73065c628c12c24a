// `video-logs check --help`: what the check does and judges, then its options, generated from CHECK_FLAGS.
import { optionsHelp } from "../flag-table.ts";
import { CHECK_FLAGS } from "./check-flags.ts";

export const CHECK_HELP = `Usage: video-logs check [options]

Checks that the API keeps its contract, touring every operation the spec declares with named checks (one finding
names its check; --list-checks prints them): the shape, status and content type of every response, no server error,
the listings' parameters honoured (page size, the discarded form, date filters with values chosen from the data),
pagination integrity (later pages keep the filters, no id twice, no loop; every listing pinned with a created_before
at the tour's start), an item got by id equal to the listed one, invalid values and ids refused with a declared 4xx,
and 401 without or with wrong credentials. Requests are not retried on 5xx; a 429 is retried after its Retry-After.
Every report ends with what the responses did not show of what the spec declares (statuses, parameters, enum values,
union branches, optional and nullable properties); --min-coverage fails the run below a share of it.

Target (first that applies): --har, --base-url, --space, SIGNALWIRE_SPACE; with none, the embedded Prism mock of the
spec. Credentials: SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN (none for --har). Proxy: HTTPS_PROXY, HTTP_PROXY and
NO_PROXY (not for the embedded mock).

A recording (--har FILE, a HAR 1.2 file from a browser or a proxy) is judged offline: every entry whose method and
path are an operation of the spec, on any host, gets the checks of one response (response-schema, status-code, with
any status the operation declares, content-type, not-a-server-error); the checks that need planned requests are
skipped, and so is every other entry, each listed with why. Credentials in the file never reach a report.

A history (--history FILE) remembers every finding by its fingerprint across runs: each finding of the report is
new, recurring, regressed or flapping, and the findings gone since the previous run are listed as resolved. A run is
evidence that a finding is absent only when it was complete, ran the finding's check on its operation, and had the
same target and spec. \`video-logs history FILE\` prints the history, a row per finding.

${optionsHelp(CHECK_FLAGS)}

Ctrl-C (or SIGTERM) stops the check: no further request is sent, the ones under way are cut, and every report is
written with what was judged before, marked interrupted (its verdict INCOMPLETE); a second Ctrl-C ends it at once.

Exit: 0 no breaking drift (with --fail-on new: none new or regressed), 1 drift found, 2 usage, connection or
credential problem, a recording that is not a HAR 1.2 log or holds nothing to judge, a --history file that is not a
history (left as it is), or a check interrupted.
`;
