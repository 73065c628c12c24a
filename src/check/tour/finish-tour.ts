// The finish stage: what the tour says about itself once every request is judged: a static mock's shortfall against
// --pages and --sample, and the planned requests the budget left out.
import type { ExchangeResult } from "../../report/report-types.ts";
import { staticMockShortfall } from "../static-mock-shortfall.ts";
import type { Tour } from "./tour.ts";

export function finishTour(tour: Tour, results: readonly ExchangeResult[]): void {
  const { notes } = tour.report;
  if (tour.mock && tour.unsent === 0)
    notes.push(...staticMockShortfall(results, { pages: tour.pages, sample: tour.sample }));
  if (tour.unsent > 0) {
    notes.push(
      `the request budget of ${tour.maxRequests} was spent: ${tour.unsent} planned request(s) or listing page(s) not sent (raise it with --max-requests)`,
    );
  }
}
