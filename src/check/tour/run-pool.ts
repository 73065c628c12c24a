// The run stage's pool: listings and single requests run together, at most the tour's concurrency at once. Results
// come back in the order given, whatever the order of completion, so the report does not depend on timing.
import type { ExchangeResult } from "../../report/report-types.ts";
import { mapInOrder } from "../map-in-order.ts";
import type { Listed } from "./run-listing.ts";
import type { SingleRun } from "./run-single.ts";
import type { Tour } from "./tour.ts";

export interface PoolResults {
  listed: Listed[];
  /** Per group of single requests (one group per probe), its results; undefined where the budget left one out. */
  singles: (ExchangeResult | undefined)[][];
}

export async function runInOnePool(
  tour: Tour,
  listings: (() => Promise<Listed>)[],
  singleGroups: SingleRun[][],
): Promise<PoolResults> {
  const runs: (() => Promise<Listed | ExchangeResult | undefined>)[] = [...listings, ...singleGroups.flat()];
  const results = await mapInOrder(runs, tour.concurrency, (run) => run());
  const listed = results.slice(0, listings.length) as Listed[];
  let next = listings.length;
  const singles = singleGroups.map((group) => {
    const groupResults = results.slice(next, next + group.length) as (ExchangeResult | undefined)[];
    next += group.length;
    return groupResults;
  });
  return { listed, singles };
}
