// What a static mock leaves of --pages and --sample: it serves its examples, so its listings end where the example
// pages do and it holds only the examples' ids. Said in the report, so a short tour is not mistaken for a full one.
import { getByIdOperations } from "../operations/operation-table.ts";
import type { ExchangeResult } from "../report/report-types.ts";

export function staticMockShortfall(
  checks: readonly ExchangeResult[],
  { pages, sample }: { pages: number; sample: number },
): string[] {
  const notes: string[] = [];
  const pageChecks = checks.filter((check) => check.kind === "page");
  const listings = pageChecks.filter((check) => / page 1\b/.test(check.name)).length;
  if (listings > 0 && pageChecks.length < listings * pages) {
    notes.push(
      `--pages ${pages}: a static mock's listings end with its example pages, so ${pageChecks.length} page(s) were read over ${listings} listing(s), not ${listings * pages}`,
    );
  }
  const sampled = checks.filter((check) => check.kind === "sampled-item").length;
  const asked = getByIdOperations().length * sample;
  if (sampled < asked) {
    notes.push(
      `--sample ${sample}: a static mock's examples hold only ${sampled} id(s), so ${sampled} item(s) were fetched one by one, not ${asked}`,
    );
  }
  return notes;
}
