// An enum value has its own JSON type: unions of scalar types compare each type's enum on its own, and an alternative
// without an enum leaves only its own types free.
import { describe, expect, it } from "vitest";
import type { Kind, Level } from "../../src/diff/classify.ts";
import type { DiffReport } from "../../src/diff/diff-documents.ts";
import { changed, diff, readFixture } from "./helpers.ts";

const withCharge = (schema: unknown) =>
  changed(readFixture("base.yaml"), (doc) => (doc.components.schemas.Item.properties.charge = schema));

const AB = { type: "string", enum: ["a", "b"] };
const AB_OR_NUMBER = { anyOf: [AB, { type: "number" }] };

/** The charge differences as [kind, level, change]; Item is in two responses, reported once, named by the first. */
function chargeChanges(report: DiffReport): Array<[string, string, string]> {
  return report.differences
    .map((d): [string, string, string] => [
      d.kind,
      d.level,
      /field "data\[\]\.charge" (.*) \(in GET /.exec(d.message)?.[1] ?? d.message,
    ])
    .sort((a, b) => a.join().localeCompare(b.join()));
}

const changes = (ours: unknown, theirs: unknown) => chargeChanges(diff(withCharge(ours), withCharge(theirs)));

describe("enums per type", () => {
  it("reports a string enum that may now also be any number as a widened type only, the strings keeping their enum", () => {
    const expected: Array<[Kind, Level, string]> = [
      ["type-widened", "breaking", "type changed from string to number | string"],
    ];
    expect(changes(AB, AB_OR_NUMBER)).toEqual(expected);
  });

  it("reports a string enum or any number that became the string enum as a narrowed type only", () => {
    const expected: Array<[Kind, Level, string]> = [
      ["type-narrowed", "non-breaking", "type changed from number | string to string"],
    ];
    expect(changes(AB_OR_NUMBER, AB)).toEqual(expected);
  });

  it("reports a string enum that gained a value next to a free number branch as an added enum value", () => {
    const theirs = { anyOf: [{ type: "string", enum: ["a", "b", "c"] }, { type: "number" }] };
    const expected: Array<[Kind, Level, string]> = [["enum-values-added", "breaking", 'gained enum value(s) "c"']];
    expect(changes(AB_OR_NUMBER, theirs)).toEqual(expected);
  });

  it("reports a string enum that lost a value next to a free number branch as a removed enum value", () => {
    const theirs = { anyOf: [{ type: "string", enum: ["a"] }, { type: "number" }] };
    const expected: Array<[Kind, Level, string]> = [["enum-values-removed", "non-breaking", 'lost enum value(s) "b"']];
    expect(changes(AB_OR_NUMBER, theirs)).toEqual(expected);
  });

  it("reports a string branch that lost its enum next to a free number branch as a dropped enum", () => {
    const theirs = { anyOf: [{ type: "string" }, { type: "number" }] };
    const expected: Array<[Kind, Level, string]> = [
      ["enum-constraint-dropped", "breaking", 'is no longer limited to "a", "b"'],
    ];
    expect(changes(AB_OR_NUMBER, theirs)).toEqual(expected);
  });

  it("reports a number branch that gained an enum next to a string enum as an introduced enum of the numbers only", () => {
    const theirs = { anyOf: [AB, { type: "number", enum: [1, 2] }] };
    const expected: Array<[Kind, Level, string]> = [
      ["enum-constraint-introduced", "non-breaking", "is now limited to 1, 2"],
    ];
    expect(changes(AB_OR_NUMBER, theirs)).toEqual(expected);
  });

  it("compares a union whose every branch has an enum as one list, as before", () => {
    const ours = { anyOf: [AB, { type: "number", enum: [1, 2] }] };
    const theirs = {
      anyOf: [
        { type: "string", enum: ["a", "c"] },
        { type: "number", enum: [1, 2, 3] },
      ],
    };
    const expected: Array<[Kind, Level, string]> = [
      ["enum-values-added", "breaking", 'gained enum value(s) "c", 3'],
      ["enum-values-removed", "non-breaking", 'lost enum value(s) "b"'],
    ];
    expect(changes(ours, theirs)).toEqual(expected);
  });

  it("reads an integer branch without an enum as freeing the numbers of a number enum", () => {
    const ours = { anyOf: [AB, { type: "number", enum: [1.5] }] };
    const theirs = { anyOf: [AB, { type: "number", enum: [1.5] }, { type: "integer" }] };
    // The types are the same: every integer is a number already.
    const expected: Array<[Kind, Level, string]> = [
      ["enum-constraint-dropped", "breaking", "is no longer limited to 1.5"],
    ];
    expect(changes(ours, theirs)).toEqual(expected);
  });

  it("keeps the strings of a union limited where allOf adds a branch-free constraint of the same type", () => {
    const ours = { allOf: [AB_OR_NUMBER, { type: "string" }] };
    const theirs = {
      allOf: [{ anyOf: [{ type: "string", enum: ["a", "b", "c"] }, { type: "number" }] }, { type: "string" }],
    };
    const expected: Array<[Kind, Level, string]> = [["enum-values-added", "breaking", 'gained enum value(s) "c"']];
    expect(changes(ours, theirs)).toEqual(expected);
  });
});
