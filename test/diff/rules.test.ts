// Every rule of the direction table, checked in both directions on variants of one base fixture.
import { describe, expect, it } from "vitest";
import { KINDS, type Kind, type Level } from "../../src/diff/classify.ts";
import { changed, type Doc, diff, kindsAndLevels, readFixture } from "./helpers.ts";

const base = readFixture("base.yaml");
const schemas = (doc: Doc) => doc.components.schemas;
const item = (doc: Doc) => schemas(doc).Item;
const pageSize = (doc: Doc) => doc.components.parameters.page_size;
const listItems = (doc: Doc) => doc.paths["/items"].get;
const getItem = (doc: Doc) => doc.paths["/items/{id}"].get;
const withoutLabelRequired = (doc: Doc) => {
  item(doc).required = item(doc).required.filter((name: string) => name !== "label");
};

interface Direction {
  says: string;
  expect: Array<[Kind, Level]>;
}

interface RuleCase {
  /** Turns the base (ours) into theirs. */
  change: (doc: Doc) => void;
  /** ours = base, theirs = changed. */
  forward: Direction;
  /** ours = changed, theirs = base. */
  backward: Direction;
}

const cases: RuleCase[] = [
  {
    change: (doc) => delete item(doc).properties.note,
    forward: { says: "reports a removed response property as breaking", expect: [["property-removed", "breaking"]] },
    backward: {
      says: "reports an added optional response property as non-breaking",
      expect: [["optional-property-added", "non-breaking"]],
    },
  },
  {
    change: (doc) => {
      delete item(doc).properties.label;
      withoutLabelRequired(doc);
    },
    forward: {
      says: "reports a removed required response property as breaking",
      expect: [["property-removed", "breaking"]],
    },
    backward: {
      says: "reports a new required property of a closed response object as non-breaking",
      expect: [["required-property-added", "non-breaking"]],
    },
  },
  {
    change: (doc) => (item(doc).properties.label.type = ["string", "null"]),
    forward: {
      says: "reports a response property that became nullable as breaking",
      expect: [["became-nullable", "breaking"]],
    },
    backward: {
      says: "reports a response property that can no longer be null as non-breaking",
      expect: [["became-non-nullable", "non-breaking"]],
    },
  },
  {
    change: withoutLabelRequired,
    forward: {
      says: "reports a response property that is no longer required as breaking",
      expect: [["became-optional", "breaking"]],
    },
    backward: {
      says: "reports a response property that became required as non-breaking",
      expect: [["became-required", "non-breaking"]],
    },
  },
  {
    change: (doc) => schemas(doc).Status.enum.push("archived"),
    forward: {
      says: "reports a new enum value as breaking in a response and non-breaking in a parameter",
      expect: [
        ["enum-values-added", "breaking"],
        ["enum-values-added", "non-breaking"],
      ],
    },
    backward: {
      says: "reports a removed enum value as breaking in a parameter and non-breaking in a response",
      expect: [
        ["enum-values-removed", "breaking"],
        ["enum-values-removed", "non-breaking"],
      ],
    },
  },
  {
    change: (doc) => delete schemas(doc).Status.enum,
    forward: {
      says: "reports a dropped enum as breaking in a response and non-breaking in a parameter",
      expect: [
        ["enum-constraint-dropped", "breaking"],
        ["enum-constraint-dropped", "non-breaking"],
      ],
    },
    backward: {
      says: "reports a new enum as breaking in a parameter and non-breaking in a response",
      expect: [
        ["enum-constraint-introduced", "breaking"],
        ["enum-constraint-introduced", "non-breaking"],
      ],
    },
  },
  {
    change: (doc) => (item(doc).properties.label.type = "integer"),
    forward: { says: "reports a changed response property type as breaking", expect: [["type-changed", "breaking"]] },
    backward: { says: "reports the type changed back as breaking too", expect: [["type-changed", "breaking"]] },
  },
  {
    change: (doc) => (item(doc).properties.label.type = ["string", "integer"]),
    forward: { says: "reports a widened response property type as breaking", expect: [["type-widened", "breaking"]] },
    backward: {
      says: "reports a narrowed response property type as non-breaking",
      expect: [["type-narrowed", "non-breaking"]],
    },
  },
  {
    change: (doc) => (item(doc).properties.size.type = "number"),
    forward: {
      says: "reports a response property widened from integer to number as breaking",
      expect: [["type-widened", "breaking"]],
    },
    backward: {
      says: "reports a response property narrowed from number to integer as non-breaking: every integer is a number",
      expect: [["type-narrowed", "non-breaking"]],
    },
  },
  {
    change: (doc) => (pageSize(doc).schema.type = "number"),
    forward: {
      says: "reports a parameter widened from integer to number as non-breaking",
      expect: [["type-widened", "non-breaking"]],
    },
    backward: {
      says: "reports a parameter narrowed from number to integer as breaking: a client may send 1.5",
      expect: [["type-narrowed", "breaking"]],
    },
  },
  {
    change: (doc) => (item(doc).properties.created_at.format = "date"),
    forward: { says: "reports a changed response format as breaking", expect: [["format-changed", "breaking"]] },
    backward: { says: "reports the format changed back as breaking too", expect: [["format-changed", "breaking"]] },
  },
  {
    change: (doc) => delete item(doc).properties.created_at.format,
    forward: {
      says: "reports a response format that was dropped as breaking",
      expect: [["format-widened", "breaking"]],
    },
    backward: {
      says: "reports a response format that was added as non-breaking",
      expect: [["format-narrowed", "non-breaking"]],
    },
  },
  {
    change: (doc) => delete listItems(doc).parameters[2].schema.format,
    forward: {
      says: "reports a parameter format that was dropped as non-breaking",
      expect: [["format-widened", "non-breaking"]],
    },
    backward: {
      says: "reports a parameter format that was added as breaking",
      expect: [["format-narrowed", "breaking"]],
    },
  },
  {
    change: (doc) => delete item(doc).additionalProperties,
    forward: {
      says: "reports a closed response object that was opened as non-breaking",
      expect: [["object-opened", "non-breaking"]],
    },
    backward: {
      says: "reports an open response object that was closed as informational",
      expect: [["object-closed", "informational"]],
    },
  },
  {
    change: (doc) => (pageSize(doc).schema.maximum = 50),
    forward: { says: "reports a tightened parameter bound as breaking", expect: [["bound-tightened", "breaking"]] },
    backward: {
      says: "reports a relaxed parameter bound as non-breaking",
      expect: [["bound-relaxed", "non-breaking"]],
    },
  },
  {
    change: (doc) => delete pageSize(doc).schema.minimum,
    forward: {
      says: "reports a parameter bound that was dropped as non-breaking",
      expect: [["bound-relaxed", "non-breaking"]],
    },
    backward: { says: "reports a new parameter bound as breaking", expect: [["bound-tightened", "breaking"]] },
  },
  {
    change: (doc) => delete item(doc).properties.size.minimum,
    forward: { says: "reports a response bound that was dropped as breaking", expect: [["bound-relaxed", "breaking"]] },
    backward: { says: "reports a new response bound as non-breaking", expect: [["bound-tightened", "non-breaking"]] },
  },
  {
    change: (doc) => (pageSize(doc).schema.default = 25),
    forward: {
      says: "reports a changed parameter default as informational",
      expect: [["default-changed", "informational"]],
    },
    backward: {
      says: "reports the default changed back as informational too",
      expect: [["default-changed", "informational"]],
    },
  },
  {
    change: (doc) => (pageSize(doc).required = true),
    forward: {
      says: "reports a parameter that became required as breaking",
      expect: [["became-required", "breaking"]],
    },
    backward: {
      says: "reports a parameter that is no longer required as non-breaking",
      expect: [["became-optional", "non-breaking"]],
    },
  },
  {
    change: (doc) => listItems(doc).parameters.splice(2, 1),
    forward: { says: "reports a removed parameter as breaking", expect: [["parameter-removed", "breaking"]] },
    backward: {
      says: "reports an added optional parameter as non-breaking",
      expect: [["optional-parameter-added", "non-breaking"]],
    },
  },
  {
    change: (doc) =>
      listItems(doc).parameters.push({ name: "tenant", in: "query", required: true, schema: { type: "string" } }),
    forward: {
      says: "reports an added required parameter as breaking",
      expect: [["required-parameter-added", "breaking"]],
    },
    backward: {
      says: "reports the removal of a required parameter as breaking",
      expect: [["parameter-removed", "breaking"]],
    },
  },
  {
    change: (doc) => delete doc.paths["/items/{id}"],
    forward: { says: "reports a removed operation as breaking", expect: [["operation-removed", "breaking"]] },
    backward: { says: "reports an added operation as non-breaking", expect: [["operation-added", "non-breaking"]] },
  },
  {
    change: (doc) => {
      doc.paths["/things/{id}"] = doc.paths["/items/{id}"];
      delete doc.paths["/items/{id}"];
    },
    forward: {
      says: "reports an operation moved to another path as breaking",
      expect: [["operation-moved", "breaking"]],
    },
    backward: { says: "reports the operation moved back as breaking too", expect: [["operation-moved", "breaking"]] },
  },
  {
    change: (doc) => delete getItem(doc).responses["404"],
    forward: {
      says: "reports a removed error status as informational",
      expect: [["error-status-removed", "informational"]],
    },
    backward: {
      says: "reports an added error status as non-breaking",
      expect: [["response-status-added", "non-breaking"]],
    },
  },
  {
    change: (doc) => delete getItem(doc).responses["200"],
    forward: { says: "reports a removed success status as breaking", expect: [["success-status-removed", "breaking"]] },
    backward: {
      says: "reports an added success status as non-breaking",
      expect: [["response-status-added", "non-breaking"]],
    },
  },
  {
    change: (doc) => delete getItem(doc).responses["200"].content,
    forward: {
      says: "reports a response that lost its body as breaking",
      expect: [["response-body-removed", "breaking"]],
    },
    backward: {
      says: "reports a response that gained a body as non-breaking",
      expect: [["response-body-added", "non-breaking"]],
    },
  },
  {
    change: (doc) => {
      const deleted = {
        type: "object",
        additionalProperties: false,
        required: ["id", "deleted_at"],
        properties: { id: { type: "string", format: "uuid" }, deleted_at: { type: "string", format: "date-time" } },
      };
      schemas(doc).Page.properties.data.items = { anyOf: [{ $ref: "#/components/schemas/Item" }, deleted] };
    },
    forward: {
      says: "reports a new alternative shape of a response item as breaking",
      expect: [["variant-added", "breaking"]],
    },
    backward: {
      says: "reports a removed alternative shape of a response item as non-breaking",
      expect: [["variant-removed", "non-breaking"]],
    },
  },
];

describe("direction rules", () => {
  for (const { change, forward, backward } of cases) {
    const theirs = changed(base, change);
    it(forward.says, () => {
      expect(kindsAndLevels(diff(base, theirs))).toEqual(sortPairs(forward.expect));
    });
    it(backward.says, () => {
      expect(kindsAndLevels(diff(theirs, base))).toEqual(sortPairs(backward.expect));
    });
  }

  it("exercises every kind of the rules table", () => {
    const exercised = new Set(
      cases.flatMap(({ forward, backward }) => [...forward.expect, ...backward.expect].map(([kind]) => kind)),
    );
    expect(KINDS.filter((kind) => !exercised.has(kind))).toEqual([]);
  });
});

function sortPairs(pairs: Array<[Kind, Level]>): Array<[string, string]> {
  return [...pairs].sort((a, b) => a.join().localeCompare(b.join()));
}
