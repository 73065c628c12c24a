// What a run did not see of what the spec declares, for people: per operation and kind, short names of the schemas
// and the values, statuses, parameters, branches or property states never seen. Unescaped: each format escapes them.
import { unescapeToken } from "../openapi/json-pointer.ts";
import type { Coverage, CoverageItems, OperationCoverage } from "./report-types.ts";

export const COVERAGE_KINDS = ["statuses", "parameters", "enums", "unions", "properties"] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

/** What was not seen of one kind: values of one schema (`where`), or of the operation itself. */
export interface MissedGroup {
  where?: string;
  values: string[];
}

export interface MissedOperation {
  operation: string;
  missed: Record<CoverageKind, MissedGroup[]>;
}

/** `#/components/schemas/Log/properties/room_name` → `Log.room_name`; a pointer elsewhere is left as it is. */
export function schemaLabel(pointer: string): string {
  const tokens = pointer.replace(/^#\//, "").split("/").map(unescapeToken);
  if (tokens[0] !== "components" || tokens[1] !== "schemas" || tokens.length < 3) return pointer;
  let label = tokens[2]!;
  for (let i = 3; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "properties" && i + 1 < tokens.length) label += `.${tokens[++i]}`;
    else if (token === "items") label += "[]";
    else if ((token === "anyOf" || token === "oneOf") && i === tokens.length - 1) continue;
    else label += `/${token}`;
  }
  return label;
}

const unseen = <T>({ declared, seen }: CoverageItems<T>): T[] => declared.filter((value) => !seen.includes(value));

function missedOf(operation: OperationCoverage): Record<CoverageKind, MissedGroup[]> {
  const own = (values: string[]): MissedGroup[] => (values.length > 0 ? [{ values }] : []);
  const bySchema = <T>(groups: Record<string, CoverageItems<T>>, show: (value: T) => string): MissedGroup[] =>
    Object.entries(groups).flatMap(([pointer, items]) => {
      const values = unseen(items).map(show);
      return values.length > 0 ? [{ where: schemaLabel(pointer), values }] : [];
    });
  return {
    statuses: own(unseen(operation.statuses)),
    parameters: own(unseen(operation.parameters)),
    enums: bySchema(operation.enums, (value) => JSON.stringify(value) ?? String(value)),
    unions: bySchema(operation.unions, String),
    properties: bySchema(operation.properties, String),
  };
}

/** Every operation with something not seen, in the report's order. */
export function missedCoverage(coverage: Coverage): MissedOperation[] {
  return Object.entries(coverage.operations).flatMap(([operation, covered]) => {
    const missed = missedOf(covered);
    return COVERAGE_KINDS.some((kind) => missed[kind].length > 0) ? [{ operation, missed }] : [];
  });
}

/** The most values a format lists of one kind of one operation; the rest are counted. */
export const MAX_LISTED_MISSED = 12;

/** `LogStatus: "in-progress", null; Other: …`, at most MAX_LISTED_MISSED values, then how many more. */
export function missedText(groups: readonly MissedGroup[], limit = MAX_LISTED_MISSED): string {
  let left = limit;
  let more = 0;
  const parts: string[] = [];
  for (const { where, values } of groups) {
    const shown = values.slice(0, Math.max(0, left));
    more += values.length - shown.length;
    left -= shown.length;
    if (shown.length > 0) parts.push(where === undefined ? shown.join(", ") : `${where}: ${shown.join(", ")}`);
  }
  return `${parts.join("; ")}${more > 0 ? ` (+${more} more)` : ""}`;
}

/** The coverage in one line: `coverage 62.5%: 25 of 40 declared items seen (minimum 80%)`. */
export function coverageLine(coverage: Coverage): string {
  const minimum = coverage.minimum === undefined ? "" : ` (minimum ${coverage.minimum}%)`;
  return `coverage ${coverage.percent}%: ${coverage.seen} of ${coverage.declared} declared items seen${minimum}`;
}
