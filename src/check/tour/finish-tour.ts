// The finish stage: what the tour says about itself once every request is judged: that it was interrupted, a static
// mock's shortfall against --pages and --sample, and the planned requests the budget left out.
import type { ExchangeResult } from "../../report/report-types.ts";
import { interruptionOf } from "../interruption.ts";
import { staticMockShortfall } from "../static-mock-shortfall.ts";
import type { Tour } from "./tour.ts";

export function finishTour(tour: Tour, results: readonly ExchangeResult[]): void {
  const { notes } = tour.report;
  const interrupted = interruptionOf(tour.options.signal);
  if (interrupted) {
    const judged = results.filter((result) => result.status !== null).length;
    notes.push(
      `the check was interrupted (${interrupted.reason}): the tour stopped sending; this report holds the ${judged} response(s) judged before, not the rest of the plan`,
    );
  } else if (tour.mock && tour.unsent === 0)
    notes.push(...staticMockShortfall(results, { pages: tour.pages, sample: tour.sample }));
  if (tour.unsent > 0) {
    notes.push(
      `the request budget of ${tour.maxRequests} was spent: ${tour.unsent} planned request(s) or listing page(s) not sent (raise it with --max-requests)`,
    );
  }
}
