// The filter values the tour tries, chosen from the items it has seen so that each filter splits them: the instant each
// compare picks, how a short or a long list of seen items bounds it, and which filters are left out and why.
import { describe, expect, it } from "vitest";
import { chooseFilterValues } from "../../src/check/filter-values.ts";
import { type Operation, type OperationParameter, operationOf } from "../../src/operations/operation-table.ts";

const listLogs = operationOf("list_logs");

/** Items created at 2026-01-01T00:00:00Z plus each of these hours, in the order given. */
const createdAtHours = (...hours: number[]) =>
  hours.map((hour) => ({ created_at: new Date(Date.UTC(2026, 0, 1, hour)).toISOString() }));

const at = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour)).toISOString();

/** The list operation with these parameters instead of its own. */
const withParameters = (...parameters: Partial<OperationParameter>[]): Operation => ({
  ...listLogs,
  parameters: parameters.map((parameter) => ({
    name: "p",
    in: "query",
    required: false,
    description: null,
    schema: {},
    extensions: {},
    ...parameter,
  })) as OperationParameter[],
});

describe("chooseFilterValues", () => {
  it("picks, from ten distinct instants (newest first), after: half a page down, before: two pages down, on: the newest's day", () => {
    // Seen in no order: the choice sorts them, newest first (hour 23 … hour 14).
    const seen = createdAtHours(14, 23, 15, 22, 16, 21, 17, 20, 18, 19);
    expect(chooseFilterValues(listLogs, seen, 3)).toEqual({
      chosen: [
        { parameter: "created_before", value: at(23 - 6) },
        { parameter: "created_on", value: "2026-01-01" },
        { parameter: "created_after", value: at(23 - 1) },
      ],
      notes: [],
    });
  });

  it("with a page of one, after takes the newest instant and before the third", () => {
    const seen = createdAtHours(1, 2, 3, 4, 5);
    expect(chooseFilterValues(listLogs, seen, 1).chosen).toEqual([
      { parameter: "created_before", value: at(3) },
      { parameter: "created_on", value: "2026-01-01" },
      { parameter: "created_after", value: at(5) },
    ]);
  });

  it("with a page of none, before still takes the second newest instant, never the newest", () => {
    const seen = createdAtHours(1, 2, 3, 4, 5);
    expect(chooseFilterValues(listLogs, seen, 0).chosen).toEqual([
      { parameter: "created_before", value: at(4) },
      { parameter: "created_on", value: "2026-01-01" },
      { parameter: "created_after", value: at(5) },
    ]);
  });

  it("with fewer instants than the page, after takes the second oldest and before the oldest", () => {
    const seen = createdAtHours(1, 2, 3, 4);
    expect(chooseFilterValues(listLogs, seen, 50).chosen).toEqual([
      { parameter: "created_before", value: at(1) },
      { parameter: "created_on", value: "2026-01-01" },
      { parameter: "created_after", value: at(2) },
    ]);
  });

  it("with exactly two instants, after takes the newer and before the older", () => {
    const seen = createdAtHours(7, 9);
    expect(chooseFilterValues(listLogs, seen, 5).chosen).toEqual([
      { parameter: "created_before", value: at(7) },
      { parameter: "created_on", value: "2026-01-01" },
      { parameter: "created_after", value: at(9) },
    ]);
  });

  it("takes on's day in UTC from the newest instant, whatever offset it was written with", () => {
    const seen = [{ created_at: "2026-03-01T01:00:00+02:00" }, { created_at: "2026-02-27T12:00:00Z" }];
    expect(chooseFilterValues(listLogs, seen, 5).chosen).toContainEqual({
      parameter: "created_on",
      value: "2026-02-28",
    });
  });

  it("counts each instant once, and only the items whose field is a date-time text, not a number", () => {
    const seen = [
      ...createdAtHours(3, 3, 3),
      null,
      "not an item",
      { created_at: 17 },
      { created_at: 2020 },
      { created_at: "yesterday" },
      {},
      { created_at: new Date(Date.UTC(2026, 0, 1, 3)).toISOString().replace(".000Z", "Z") },
    ];
    expect(chooseFilterValues(listLogs, seen, 5)).toEqual({
      chosen: [],
      notes: [
        "created_before not tried: fewer than two distinct created_at values were seen to split",
        "created_on not tried: fewer than two distinct created_at values were seen to split",
        "created_after not tried: fewer than two distinct created_at values were seen to split",
      ],
    });
    expect(chooseFilterValues(listLogs, [...seen, ...createdAtHours(4)], 5).notes).toEqual([]);
  });

  it("leaves out, with no note, a parameter that is not in the query or states no filter it understands", () => {
    const filter = { "x-filter": { field: "created_at", compare: "after" } };
    const operation = withParameters(
      { name: "in_path", in: "path", extensions: filter },
      { name: "unknown_compare", extensions: { "x-filter": { field: "created_at", compare: "near" } } },
      { name: "no_field", extensions: { "x-filter": { compare: "after" } } },
      { name: "plain" },
      { name: "after_field", extensions: { "x-filter": { field: "ended_at", compare: "after" } } },
    );
    const seen = [
      { created_at: at(1), ended_at: at(2) },
      { created_at: at(3), ended_at: at(4) },
    ];
    expect(chooseFilterValues(operation, seen, 5)).toEqual({
      chosen: [{ parameter: "after_field", value: at(4) }],
      notes: [],
    });
    expect(chooseFilterValues(operation, [], 5)).toEqual({
      chosen: [],
      notes: ["after_field not tried: fewer than two distinct ended_at values were seen to split"],
    });
  });
});
