// What a date filter means for an item, as the spec's x-filter states it: UTC instants, a date as the start of its UTC
// day, created_on as a whole UTC day, and either boundary accepted.
import { describe, expect, it } from "vitest";
import { type FilterMeaning, satisfies } from "../../src/check/listing-filters.ts";

const after: FilterMeaning = { field: "created_at", compare: "after" };
const before: FilterMeaning = { field: "created_at", compare: "before" };
const on: FilterMeaning = { field: "created_at", compare: "same-utc-day" };

describe("a date filter judged on an item", () => {
  it.each([
    ["after, a later item", after, "2026-01-10T00:00:00Z", "2026-01-10T00:00:01Z", true],
    ["after, the boundary itself (inclusive is fine)", after, "2026-01-10T00:00:00Z", "2026-01-10T00:00:00Z", true],
    ["after, an earlier item", after, "2026-01-10T00:00:00Z", "2026-01-09T23:59:59Z", false],
    ["after, a date means the start of its UTC day", after, "2026-01-10", "2026-01-10T00:30:00Z", true],
    ["after, an offset is compared in UTC", after, "2026-01-10T00:00:00Z", "2026-01-10T01:00:00+02:00", false],
    ["before, an earlier item", before, "2026-01-10T00:00:00Z", "2026-01-09T23:00:00Z", true],
    [
      "before, the boundary itself (exclusive servers never return it; inclusive ones may)",
      before,
      "2026-01-10",
      "2026-01-10T00:00:00Z",
      true,
    ],
    ["before, a later item", before, "2026-01-10", "2026-01-10T00:00:01Z", false],
    ["on, the same UTC day", on, "2026-01-10", "2026-01-10T23:59:59Z", true],
    ["on, the same local day but the previous UTC day", on, "2026-01-10", "2026-01-10T01:00:00+02:00", false],
    ["on, a date-time value means its whole UTC day", on, "2026-01-10T18:00:00Z", "2026-01-10T00:00:00Z", true],
    ["on, an item without a date", on, "2026-01-10", null, false],
  ])("%s", (_name, meaning, value, item, expected) => {
    expect(satisfies(meaning, value, item)).toBe(expected);
  });
});
