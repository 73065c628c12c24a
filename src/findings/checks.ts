// The drift check's named checks, one row each: the name `--checks`/`--skip-checks` take, Schemathesis' name where one
// of its checks tests the same thing (docs/drift-check.md's table is checked against this list), the line `--list-checks`
// prints, what the check needs of a target, and the stage of the tour that judges it. Every other list of checks is
// derived from this table.

/**
 * What a check needs beyond a response: `plannedRequests`, requests the tour plans for it (a recording holds only the
 * requests someone made); `honouredParameters`, a server that honours parameters, keeps its data consistent and
 * rejects invalid values (a static mock answers every request with its examples).
 */
export interface CheckNeeds {
  plannedRequests: boolean;
  honouredParameters: boolean;
}

/**
 * Where a check's findings come from: `every-response`, the conformance judge every response goes through
 * (check/judge-conformance.ts); `listing`, the judge of a listing's pages against its own query (check/judge-page.ts);
 * `comparison`, an item got by id against the item listed (check/compare-listed-item.ts); `probe-status`, the status
 * its own probes get (check/judge-conformance.ts, under the probe's check); `whole-run`, once every response is in, from
 * all of them (check/report-builder.ts): every probe serves it.
 */
export type CheckStage = "every-response" | "listing" | "comparison" | "probe-status" | "whole-run";

const ANY_RESPONSE: CheckNeeds = { plannedRequests: false, honouredParameters: false };
const A_LIVE_SERVER: CheckNeeds = { plannedRequests: true, honouredParameters: true };

export const CHECKS = [
  {
    name: "response-schema",
    schemathesis: "response_schema_conformance",
    summary: "every body is valid for its operation and status (closed schemas: an unknown field is additive)",
    needs: ANY_RESPONSE,
    judgedBy: "every-response",
  },
  {
    name: "status-code",
    schemathesis: "status_code_conformance",
    summary: "every status is the one the request expects and one the spec declares",
    needs: ANY_RESPONSE,
    judgedBy: "every-response",
  },
  {
    name: "content-type",
    schemathesis: "content_type_conformance",
    summary: "every body is sent as application/json (a charset parameter is fine)",
    needs: ANY_RESPONSE,
    judgedBy: "every-response",
  },
  {
    name: "not-a-server-error",
    schemathesis: "not_a_server_error",
    summary: "no 5xx, even with a body that matches the declared 500",
    needs: ANY_RESPONSE,
    judgedBy: "every-response",
  },
  {
    name: "parameters-honoured",
    schemathesis: null,
    summary: "page size, the discarded-form switch and each date filter hold for every item returned",
    needs: A_LIVE_SERVER,
    judgedBy: "listing",
  },
  {
    name: "pagination-integrity",
    schemathesis: null,
    summary: "later pages keep the filters and page size, no id twice in a listing, no loop",
    needs: A_LIVE_SERVER,
    judgedBy: "listing",
  },
  {
    name: "cross-endpoint-consistency",
    schemathesis: null,
    summary: "an item got by its id equals the item listed (only its stable fields while it may change)",
    needs: A_LIVE_SERVER,
    judgedBy: "comparison",
  },
  {
    name: "negative-data",
    schemathesis: "negative_data_rejection",
    summary: "invalid parameter values and a malformed id get a declared 4xx with its body; an unknown id gets 404",
    needs: A_LIVE_SERVER,
    judgedBy: "probe-status",
  },
  {
    name: "authentication",
    schemathesis: "ignored_auth",
    summary: "no credentials and wrong credentials both get 401 with its body",
    needs: { plannedRequests: true, honouredParameters: false },
    judgedBy: "probe-status",
  },
  {
    name: "coverage",
    schemathesis: null,
    summary:
      "with --min-coverage PCT, at least PCT% of the declared statuses, parameters, enum values, union branches and properties seen",
    needs: ANY_RESPONSE,
    judgedBy: "whole-run",
  },
] as const satisfies readonly {
  name: string;
  schemathesis: string | null;
  summary: string;
  needs: CheckNeeds;
  judgedBy: CheckStage;
}[];

/** A check's name: the `check` of every finding in the report. */
export type CheckName = (typeof CHECKS)[number]["name"];

export const CHECK_NAMES: readonly CheckName[] = CHECKS.map((check) => check.name);

export function isCheckName(value: string): value is CheckName {
  return (CHECK_NAMES as readonly string[]).includes(value);
}

/** The checks a run selects, in CHECK_NAMES order: `checks` (default all), less `skipChecks`. */
export function selectChecks(
  checks: readonly CheckName[] = CHECK_NAMES,
  skipChecks: readonly CheckName[] = [],
): CheckName[] {
  return CHECK_NAMES.filter((name) => checks.includes(name) && !skipChecks.includes(name));
}

/** One line per check, for `--list-checks`. */
export function listChecks(): string {
  const width = Math.max(...CHECK_NAMES.map((name) => name.length));
  return `${CHECKS.map((check) => `${check.name.padEnd(width)}  ${check.summary}`).join("\n")}\n`;
}
