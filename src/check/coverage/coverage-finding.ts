// The check `coverage`: below the run's minimum, one breaking finding of the whole run (operation `*`, no status, no
// request) whose message names what was not seen. Its fingerprint holds no figure, so it is the same finding each run.
import type { DriftFinding } from "../../findings/finding.ts";
import { fingerprintOf } from "../../findings/fingerprint.ts";
import { COVERAGE_KINDS, type CoverageKind, missedCoverage } from "../../report/coverage-missed.ts";
import type { Coverage } from "../../report/report-types.ts";

/** The operation of a finding about every operation at once, as the report and JUnit name it. */
export const EVERY_OPERATION = "*";

/** The most items the message names; the rest are counted. */
const NAMED_IN_MESSAGE = 10;

/** Each kind in the singular, as the message names one item. */
const ITEM: Record<CoverageKind, string> = {
  statuses: "status",
  parameters: "parameter",
  enums: "enum",
  unions: "union",
  properties: "property",
};

const FIELDS = { check: "coverage", operation: EVERY_OPERATION, status: null, pointer: "", keyword: "min-coverage" };

/** True when the coverage has a minimum and falls short of it (compared exactly, not on the rounded percent). */
export function belowMinimum(coverage: Coverage): boolean {
  return coverage.minimum !== undefined && coverage.seen * 100 < coverage.minimum * coverage.declared;
}

/** The finding of a coverage below its minimum, or undefined. */
export function coverageFinding(coverage: Coverage): DriftFinding | undefined {
  if (!belowMinimum(coverage)) return undefined;
  const named = missedCoverage(coverage).flatMap(({ operation, missed }) =>
    COVERAGE_KINDS.flatMap((kind) =>
      missed[kind].flatMap(({ where, values }) =>
        values.map((value) => `${operation} ${ITEM[kind]}${where === undefined ? "" : ` ${where}`} ${value}`),
      ),
    ),
  );
  const more = named.length - NAMED_IN_MESSAGE;
  const listed = `${named.slice(0, NAMED_IN_MESSAGE).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
  return {
    fingerprint: fingerprintOf(FIELDS),
    check: "coverage",
    operation: EVERY_OPERATION,
    status: null,
    pointer: "",
    keyword: "min-coverage",
    severity: "breaking",
    count: 1,
    requests: [],
    example: {
      message: `coverage ${coverage.percent}% is below the minimum of ${coverage.minimum}%; not seen: ${listed}`,
      expected: `at least ${coverage.minimum}% of the declared items seen`,
      actual: `${coverage.percent}% (${coverage.seen} of ${coverage.declared})`,
      curl: "",
      requestId: null,
    },
  };
}
