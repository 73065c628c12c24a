// The filtered listings: each filter parameter of a listing, with a value chosen from the items the unfiltered
// listings showed (filter-values.ts); a filter with no value to try is left out, with a note saying why.
import { type OperationId, operationOf } from "../../operations/operation-table.ts";
import { chooseFilterValues } from "../filter-values.ts";
import { tourPageSize } from "../plan-probes.ts";
import type { ProbeOf } from "./plan-tour.ts";
import type { Tour } from "./tour.ts";

export interface FilteredListing {
  operationId: OperationId;
  query: Record<string, unknown>;
}

export function filteredListings(tour: Tour, probes: readonly ProbeOf<"filtered-page">[]): FilteredListing[] {
  const listings: FilteredListing[] = [];
  const chosenFor = new Map<OperationId, ReturnType<typeof chooseFilterValues>>();
  for (const probe of probes) {
    let choice = chosenFor.get(probe.operationId);
    if (!choice) {
      const operation = operationOf(probe.operationId);
      const items = [...(tour.seen.get(probe.operationId)?.values() ?? [])];
      choice = chooseFilterValues(operation, items, Object.values(tourPageSize(operation))[0] ?? 5);
      chosenFor.set(probe.operationId, choice);
      tour.report.notes.push(...choice.notes.map((note) => `parameters-honoured: ${note}`));
    }
    const value = choice.chosen.find((chosen) => chosen.parameter === probe.parameter)?.value;
    if (value !== undefined) {
      listings.push({ operationId: probe.operationId, query: { ...probe.query, [probe.parameter]: value } });
    }
  }
  return listings;
}
