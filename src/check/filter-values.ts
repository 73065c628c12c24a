// Filter values chosen from the items the tour has already seen, so that each filter splits them: some seen items
// satisfy it and some do not, and a server that ignores the filter shows it on the first page.
import type { Operation } from "../operations/operation-table.ts";
import { filterMeaning, utcDay } from "./listing-filters.ts";

export interface ChosenFilter {
  parameter: string;
  value: string;
}

/**
 * Per `x-filter` parameter, one value: for `after`, an instant that fewer than a page of the newest seen items reach
 * (ignoring the filter fills the first page with older ones); for `before`, an instant two pages down (a next link
 * that drops the filter brings newer items on page 2); for `same-utc-day`, the UTC day of the newest item. A filter
 * is left out (with the reason) when fewer than two seen items carry its field.
 */
export function chooseFilterValues(
  operation: Operation,
  seen: readonly unknown[],
  pageSize: number,
): { chosen: ChosenFilter[]; notes: string[] } {
  const chosen: ChosenFilter[] = [];
  const notes: string[] = [];
  for (const parameter of operation.parameters) {
    const meaning = filterMeaning(parameter.extensions);
    if (parameter.in !== "query" || !meaning) continue;
    const instants = [
      ...new Set(
        seen
          .map((item) => (item as Record<string, unknown> | null)?.[meaning.field])
          .map((value) => (typeof value === "string" ? Date.parse(value) : Number.NaN))
          .filter((instant) => !Number.isNaN(instant)),
      ),
    ].sort((a, b) => b - a);
    if (instants.length < 2) {
      notes.push(`${parameter.name} not tried: fewer than two distinct ${meaning.field} values were seen to split`);
      continue;
    }
    const at = (index: number) => instants[Math.max(0, Math.min(index, instants.length - 1))]!;
    if (meaning.compare === "after")
      chosen.push({
        parameter: parameter.name,
        value: new Date(at(Math.min(Math.floor(pageSize / 2), instants.length - 2))).toISOString(),
      });
    else if (meaning.compare === "before")
      chosen.push({ parameter: parameter.name, value: new Date(at(Math.max(1, 2 * pageSize))).toISOString() });
    else chosen.push({ parameter: parameter.name, value: utcDay(at(0)) });
  }
  return { chosen, notes };
}
