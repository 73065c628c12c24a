// The drift check's named checks: one line each for `--list-checks`, the names `--checks`/`--skip-checks` take, and
// Schemathesis' name where one of its checks tests the same thing (the README's table is checked against this list).

export const CHECKS = [
  {
    name: "response-schema",
    schemathesis: "response_schema_conformance",
    summary: "every body is valid for its operation and status (closed schemas: an unknown field is additive)",
  },
  {
    name: "status-code",
    schemathesis: "status_code_conformance",
    summary: "every status is the one the request expects and one the spec declares",
  },
  {
    name: "content-type",
    schemathesis: "content_type_conformance",
    summary: "every body is sent as application/json (a charset parameter is fine)",
  },
  {
    name: "not-a-server-error",
    schemathesis: "not_a_server_error",
    summary: "no 5xx, even with a body that matches the declared 500",
  },
  {
    name: "parameters-honoured",
    schemathesis: null,
    summary: "page size, the discarded-form switch and each date filter hold for every item returned",
  },
  {
    name: "pagination-integrity",
    schemathesis: null,
    summary: "later pages keep the filters and page size, no id twice in a listing, no loop",
  },
  {
    name: "cross-endpoint-consistency",
    schemathesis: null,
    summary: "an item got by its id equals the item listed (only its stable fields while it may change)",
  },
  {
    name: "negative-data",
    schemathesis: "negative_data_rejection",
    summary: "invalid parameter values and a malformed id get a declared 4xx with its body; an unknown id gets 404",
  },
  {
    name: "authentication",
    schemathesis: "ignored_auth",
    summary: "no credentials and wrong credentials both get 401 with its body",
  },
] as const;

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
