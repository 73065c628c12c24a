// A format belongs to the types it constrains: unions of scalar types compare each type's formats on their own.
import { describe, expect, it } from "vitest";
import type { Kind, Level } from "../../src/diff/classify.ts";
import type { DiffReport } from "../../src/diff/diff-documents.ts";
import { changed, type Doc, diff, readFixture } from "./helpers.ts";

const withCharge = (schema: unknown) => (doc: Doc) => (doc.components.schemas.Item.properties.charge = schema);
const base = readFixture("base.yaml");

const DOUBLE = { type: "number", format: "double" };
const DOUBLE_OR_STRING = { anyOf: [DOUBLE, { type: "string" }] };

interface Direction {
  says: string;
  /** Kind, level and what the message says changed. */
  expect: Array<[Kind, Level, string]>;
}

interface FormatCase {
  ours: unknown;
  theirs: unknown;
  forward: Direction;
  backward: Direction;
}

const cases: FormatCase[] = [
  {
    ours: DOUBLE,
    theirs: DOUBLE_OR_STRING,
    forward: {
      says: "reports a number that may now also be a string as a widened type only, the number keeping its format",
      expect: [["type-widened", "breaking", "type changed from number to number | string"]],
    },
    backward: {
      says: "reports a number or string that became a number as a narrowed type only",
      expect: [["type-narrowed", "non-breaking", "type changed from number | string to number"]],
    },
  },
  {
    ours: DOUBLE_OR_STRING,
    theirs: { anyOf: [DOUBLE, { type: "string", format: "date-time" }] },
    forward: {
      says: "reports a string branch that gained a format next to an unchanged number branch as a narrowed format of string",
      expect: [["format-narrowed", "non-breaking", "format of string changed from any to date-time"]],
    },
    backward: {
      says: "reports a string branch that lost its format next to an unchanged number branch as a widened format of string",
      expect: [["format-widened", "breaking", "format of string changed from date-time to any"]],
    },
  },
  {
    ours: DOUBLE_OR_STRING,
    theirs: { anyOf: [{ type: "number" }, { type: "string" }] },
    forward: {
      says: "reports a number branch of a union that lost its format as a widened format of number",
      expect: [["format-widened", "breaking", "format of number changed from double to any"]],
    },
    backward: {
      says: "reports a number branch of a union that gained a format as a narrowed format of number",
      expect: [["format-narrowed", "non-breaking", "format of number changed from any to double"]],
    },
  },
  {
    ours: DOUBLE,
    theirs: { anyOf: [{ type: "number" }, { type: "string" }] },
    forward: {
      says: "reports a number that may now be a string and lost its format as a widened type and a widened format of number",
      expect: [
        ["format-widened", "breaking", "format of number changed from double to any"],
        ["type-widened", "breaking", "type changed from number to number | string"],
      ],
    },
    backward: {
      says: "reports a number or string that became a number with a format as a narrowed type and a narrowed format of number",
      expect: [
        ["format-narrowed", "non-breaking", "format of number changed from any to double"],
        ["type-narrowed", "non-breaking", "type changed from number | string to number"],
      ],
    },
  },
  {
    // A schema without a type accepts null; theirs lists null so that only types and formats differ.
    ours: { format: "date-time" },
    theirs: { anyOf: [{ type: "string", format: "date-time" }, { type: "number" }, { type: "null" }] },
    forward: {
      says: "reads a format written without a type as the format of every type, so a number without it is a widened format",
      expect: [
        ["format-widened", "breaking", "format of number changed from date-time to any"],
        ["type-narrowed", "non-breaking", "type changed from any to number | string"],
      ],
    },
    backward: {
      says: "reads a format written without a type as the format of every type, so a number with it is a narrowed format",
      expect: [
        ["format-narrowed", "non-breaking", "format of number changed from any to date-time"],
        ["type-widened", "breaking", "type changed from number | string to any"],
      ],
    },
  },
];

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

describe("formats per type", () => {
  for (const { ours, theirs, forward, backward } of cases) {
    const before = changed(base, withCharge(ours));
    const after = changed(base, withCharge(theirs));
    it(forward.says, () => {
      expect(chargeChanges(diff(before, after))).toEqual(forward.expect);
    });
    it(backward.says, () => {
      expect(chargeChanges(diff(after, before))).toEqual(backward.expect);
    });
  }
});
