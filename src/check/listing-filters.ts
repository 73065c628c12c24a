// What a listing's query means for the items it returns, read from the spec's extensions (docs/spec.md "Extensions we use"):
// `x-page-size` bounds the page, `x-includes-discarded: false` keeps the discarded form out, `x-filter` compares an
// item's field with the value. A boundary may be inclusive or exclusive: neither is drift.

import type { CheckName } from "../findings/checks.ts";
import { behaviourFinding, type Finding } from "../findings/finding.ts";
import { isDiscardedForm } from "../operations/discarded-form.ts";
import type { Operation } from "../operations/operation-table.ts";
import type { Redactor } from "../redaction/redactor.ts";

export interface FilterMeaning {
  field: string;
  compare: "after" | "before" | "same-utc-day";
}

/** The `x-filter` of a parameter, when it states one this check understands. */
export function filterMeaning(extensions: Readonly<Record<string, unknown>>): FilterMeaning | undefined {
  const filter = extensions["x-filter"] as { field?: unknown; compare?: unknown } | undefined;
  if (!filter || typeof filter.field !== "string") return undefined;
  if (filter.compare !== "after" && filter.compare !== "before" && filter.compare !== "same-utc-day") return undefined;
  return { field: filter.field, compare: filter.compare };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A filter value as a UTC instant: a date means the start of that UTC day. */
export function instantOf(value: string): number {
  return Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}

/** The UTC day (YYYY-MM-DD) of an instant. */
export const utcDay = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

/** True when an item's value satisfies the filter, boundary included either way. */
export function satisfies(meaning: FilterMeaning, filterValue: string, itemValue: unknown): boolean {
  if (typeof itemValue !== "string") return false;
  const item = Date.parse(itemValue);
  const bound = instantOf(filterValue);
  if (Number.isNaN(item) || Number.isNaN(bound)) return false;
  if (meaning.compare === "after") return item >= bound;
  if (meaning.compare === "before") return item <= bound;
  return utcDay(item) === utcDay(bound);
}

/**
 * The findings of one page against the query it was asked with, and the parameters it breaks. The same rules hold on
 * every page of a listing; `checkFor` names the check per parameter (the executor: `parameters-honoured` on the first
 * page and for a parameter the first page already broke, `pagination-integrity` on the pages reached by `links.next`).
 */
export function pageBreaksQuery(
  operation: Operation,
  query: Record<string, unknown>,
  items: unknown[],
  checkFor: (parameter: string) => CheckName,
  redactor: Redactor,
): { findings: Finding[]; broken: string[] } {
  const findings: Finding[] = [];
  const broken: string[] = [];
  for (const parameter of operation.parameters) {
    const value = query[parameter.name];
    if (parameter.in !== "query" || value === undefined) continue;
    const check = checkFor(parameter.name);
    const before = findings.length;
    if (parameter.extensions["x-page-size"] !== undefined && typeof value === "number" && items.length > value) {
      findings.push(
        behaviourFinding(
          check,
          "page-size",
          "/data",
          `the page holds ${items.length} items, more than ${parameter.name}=${value}`,
          `at most ${value} items`,
          `${items.length} items`,
          redactor,
        ),
      );
    }
    if (parameter.extensions["x-includes-discarded"] !== undefined && value === false) {
      items.forEach((item, index) => {
        if (isDiscardedForm(item)) {
          findings.push(
            behaviourFinding(
              check,
              "discarded-form",
              `/data/${index}`,
              `an item in its discarded form is listed with ${parameter.name}=false`,
              "no item in its discarded form",
              item,
              redactor,
            ),
          );
        }
      });
    }
    const meaning = filterMeaning(parameter.extensions);
    if (meaning && typeof value === "string") {
      items.forEach((item, index) => {
        if (isDiscardedForm(item) && (item as Record<string, unknown>)[meaning.field] === undefined) return;
        const itemValue = (item as Record<string, unknown> | null)?.[meaning.field];
        if (!satisfies(meaning, value, itemValue)) {
          const expected =
            meaning.compare === "same-utc-day"
              ? `${meaning.field} on the UTC day ${utcDay(instantOf(value))}`
              : `${meaning.field} ${meaning.compare} ${value} (boundary either way)`;
          findings.push(
            behaviourFinding(
              check,
              "filter",
              `/data/${index}/${meaning.field}`,
              `an item outside the filter ${parameter.name}=${value} is listed`,
              expected,
              itemValue,
              redactor,
            ),
          );
        }
      });
    }
    if (findings.length > before) broken.push(parameter.name);
  }
  return { findings, broken };
}
