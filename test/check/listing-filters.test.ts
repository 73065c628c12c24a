// What a date filter means for an item, as the spec's x-filter states it: UTC instants, a date as the start of its UTC
// day, created_on as a whole UTC day, and either boundary accepted.
import { describe, expect, it } from "vitest";
import { type FilterMeaning, filterMeaning, pageBreaksQuery, satisfies } from "../../src/check/listing-filters.ts";
import type { CheckName } from "../../src/findings/checks.ts";
import { operationOf } from "../../src/operations/operation-table.ts";
import { NO_SECRETS } from "../../src/redaction/redactor.ts";
import { shortJson } from "../../src/validation/short-json.ts";
import { completedLog, deletedLog } from "../helpers/sample-bodies.ts";

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
    ["after, an item days later", after, "2026-01-10", "2026-01-12T00:00:00Z", true],
    ["before, an item days earlier", before, "2026-01-10", "2026-01-07T00:00:00Z", true],
    ["after, a number that would parse as a year is no date", after, "2000-01-01", 7, false],
    ["on, an item whose date does not parse", on, "2026-01-10", "soon", false],
    ["on, a filter value that does not parse", on, "soon", "2026-01-10T00:00:00Z", false],
    ["after, a filter value that does not parse", after, "soon", "2026-01-10T00:00:00Z", false],
  ])("%s", (_name, meaning, value, item, expected) => {
    expect(satisfies(meaning, value, item)).toBe(expected);
  });
});

describe("a page judged against the query it was asked with (pageBreaksQuery)", () => {
  const listLogs = operationOf("list_logs");
  const check = (parameter: string): CheckName =>
    parameter === "page_size" ? "parameters-honoured" : "pagination-integrity";
  const log = (created_at: unknown) => ({ ...completedLog, created_at });
  const judge = (query: Record<string, unknown>, items: unknown[]) =>
    pageBreaksQuery(listLogs, query, items, check, NO_SECRETS);

  it("finds nothing when every item keeps to every parameter, the boundaries included", () => {
    const items = [log("2026-01-10T00:00:00Z"), log("2026-01-10T12:00:00Z")];
    expect(
      judge(
        { page_size: 2, include_deleted: false, created_after: "2026-01-10", created_before: "2026-01-10T12:00:00Z" },
        items,
      ),
    ).toEqual({ findings: [], broken: [] });
  });

  it("finds a page longer than page_size, at /data, under the parameter's check", () => {
    expect(judge({ page_size: 1 }, [log("2026-01-10T00:00:00Z"), log("2026-01-11T00:00:00Z")])).toEqual({
      findings: [
        {
          check: "parameters-honoured",
          kind: "breaking",
          keyword: "page-size",
          pointer: "/data",
          message: "the page holds 2 items, more than page_size=1",
          expected: "at most 1 items",
          actual: "2 items",
        },
      ],
      broken: ["page_size"],
    });
    expect(judge({ page_size: 2 }, [log("2026-01-10T00:00:00Z"), log("2026-01-11T00:00:00Z")]).findings).toEqual([]);
  });

  it("finds each item in its discarded form listed with include_deleted=false, and none with true", () => {
    const discarded = { ...deletedLog };
    const items = [log("2026-01-10T00:00:00Z"), discarded];
    expect(judge({ include_deleted: false }, items)).toEqual({
      findings: [
        {
          check: "pagination-integrity",
          kind: "breaking",
          keyword: "discarded-form",
          pointer: "/data/1",
          message: "an item in its discarded form is listed with include_deleted=false",
          expected: "no item in its discarded form",
          actual: shortJson(discarded, NO_SECRETS, 60),
        },
      ],
      broken: ["include_deleted"],
    });
    expect(judge({ include_deleted: true }, items)).toEqual({ findings: [], broken: [] });
  });

  it("finds each item outside a date filter at its field, saying what the filter wants", () => {
    const items = [log("2026-01-09T23:59:59Z"), log("2026-01-10T00:00:00Z"), log(7)];
    expect(judge({ created_after: "2026-01-10", created_on: "2026-01-10T05:00:00Z" }, items)).toEqual({
      findings: [
        {
          check: "pagination-integrity",
          kind: "breaking",
          keyword: "filter",
          pointer: "/data/0/created_at",
          message: "an item outside the filter created_on=2026-01-10T05:00:00Z is listed",
          expected: "created_at on the UTC day 2026-01-10",
          actual: "2026-01-09T23:59:59Z",
        },
        {
          check: "pagination-integrity",
          kind: "breaking",
          keyword: "filter",
          pointer: "/data/2/created_at",
          message: "an item outside the filter created_on=2026-01-10T05:00:00Z is listed",
          expected: "created_at on the UTC day 2026-01-10",
          actual: "7",
        },
        {
          check: "pagination-integrity",
          kind: "breaking",
          keyword: "filter",
          pointer: "/data/0/created_at",
          message: "an item outside the filter created_after=2026-01-10 is listed",
          expected: "created_at after 2026-01-10 (boundary either way)",
          actual: "2026-01-09T23:59:59Z",
        },
        {
          check: "pagination-integrity",
          kind: "breaking",
          keyword: "filter",
          pointer: "/data/2/created_at",
          message: "an item outside the filter created_after=2026-01-10 is listed",
          expected: "created_at after 2026-01-10 (boundary either way)",
          actual: "7",
        },
      ],
      broken: ["created_on", "created_after"],
    });
  });

  it("skips a discarded item without the filter's field, and judges one that has it", () => {
    const { created_at: _, ...withoutDate } = deletedLog as Record<string, unknown>;
    expect(judge({ created_after: "2026-01-10" }, [withoutDate]).findings).toEqual([]);
    expect(
      judge({ created_after: "2026-01-10" }, [{ ...withoutDate, created_at: "2026-01-01T00:00:00Z" }]).broken,
    ).toEqual(["created_after"]);
  });

  it("reads only query parameters that were given, and a filter value only when it is a string", () => {
    expect(judge({ page_size: "1", created_after: 5, id: 1 }, [log("2020-01-01T00:00:00Z"), log("x")])).toEqual({
      findings: [],
      broken: [],
    });
  });
});

describe("a page judged against parameters outside the query", () => {
  it("judges a parameter in the path by no query rule, even one that names a page size", () => {
    const listLogs = operationOf("list_logs");
    const operation = {
      ...listLogs,
      parameters: [{ ...listLogs.parameters.find((p) => p.name === "page_size")!, in: "path" as const }],
    };
    const items = [completedLog, completedLog];
    expect(pageBreaksQuery(operation, { page_size: 1 }, items, () => "parameters-honoured", NO_SECRETS)).toEqual({
      findings: [],
      broken: [],
    });
  });
});

describe("a page judged by the rules each parameter's extension names, and no other", () => {
  const listLogs = operationOf("list_logs");
  const judge = (query: Record<string, unknown>, items: unknown[]) =>
    pageBreaksQuery(listLogs, query, items, () => "parameters-honoured", NO_SECRETS);

  it("bounds the page by page_size alone, not by another number in the query", () => {
    expect(judge({ page_number: 1 }, [completedLog, completedLog])).toEqual({ findings: [], broken: [] });
  });

  it("keeps out the discarded form by include_deleted alone, not by another false in the query", () => {
    expect(judge({ page_token: false }, [completedLog, deletedLog])).toEqual({ findings: [], broken: [] });
  });

  it("finds a null item outside a date filter", () => {
    expect(judge({ created_after: "2026-01-10" }, [null])).toEqual({
      findings: [
        {
          check: "parameters-honoured",
          kind: "breaking",
          keyword: "filter",
          pointer: "/data/0/created_at",
          message: "an item outside the filter created_after=2026-01-10 is listed",
          expected: "created_at after 2026-01-10 (boundary either way)",
          actual: "(absent)",
        },
      ],
      broken: ["created_after"],
    });
  });
});

describe("filterMeaning reads x-filter only when it names a field and a comparison it knows", () => {
  it.each([
    [{ "x-filter": { field: "created_at", compare: "after" } }, { field: "created_at", compare: "after" }],
    [{ "x-filter": { field: "created_at", compare: "before" } }, { field: "created_at", compare: "before" }],
    [{ "x-filter": { field: "t", compare: "same-utc-day" } }, { field: "t", compare: "same-utc-day" }],
    [{ "x-filter": { field: "t", compare: "around" } }, undefined],
    [{ "x-filter": { field: 3, compare: "after" } }, undefined],
    [{ "x-filter": null }, undefined],
    [{}, undefined],
  ])("%j → %j", (extensions, meaning) => {
    expect(filterMeaning(extensions)).toEqual(meaning);
  });
});
