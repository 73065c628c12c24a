// Whole-document comparisons: equal documents, renames, pointers, operation matching, shared schemas, cycles.
import { describe, expect, it } from "vitest";
import { DocumentError } from "../../src/diff/load-document.ts";
import { changed, type Doc, diff, kindsAndLevels, OUR_SPEC_PATH, readFixture, readYaml } from "./helpers.ts";

const base = readFixture("base.yaml");
const ourSpec = readYaml(OUR_SPEC_PATH);

function renameProperty(schema: Doc, from: string, to: string): void {
  schema.properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, value]) => [name === from ? to : name, value]),
  );
  schema.required = schema.required.map((name: string) => (name === from ? to : name));
}

function removeProperty(schema: Doc, name: string): void {
  delete schema.properties[name];
  schema.required = schema.required.filter((other: string) => other !== name);
}

describe("diffDocuments", () => {
  it("finds nothing between our spec and itself", () => {
    expect(diff(ourSpec, ourSpec).differences).toEqual([]);
  });

  it("finds nothing between the base fixture and the same API in the vendor's spelling, either way", () => {
    const vendor = readFixture("vendor-spelling.yaml");
    expect(diff(base, vendor).differences).toEqual([]);
    expect(diff(vendor, base).differences).toEqual([]);
  });

  it("finds nothing between the base fixture and the same API written as OpenAPI 3.0 JSON", () => {
    expect(diff(base, readFixture("openapi-3.0.json")).differences).toEqual([]);
  });

  it("reports a renamed property as exactly one removal and one addition", () => {
    const theirs = changed(ourSpec, (doc) => renameProperty(doc.components.schemas.Log, "started_at", "start_time"));
    const report = diff(ourSpec, theirs);
    expect(report.differences).toHaveLength(2);
    expect(report.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "property-removed",
          level: "breaking",
          ours: "/components/schemas/Log/properties/started_at",
          theirs: null,
        }),
        expect.objectContaining({
          kind: "required-property-added",
          level: "non-breaking",
          ours: null,
          theirs: "/components/schemas/Log/properties/start_time",
        }),
      ]),
    );
  });

  it("names every place a shared schema is used and leaves out the operation when there are several", () => {
    const theirs = changed(ourSpec, (doc) => removeProperty(doc.components.schemas.Log, "room_name"));
    const [removal] = diff(ourSpec, theirs).differences.filter((d) => d.kind === "property-removed");
    expect(removal?.operation).toBeUndefined();
    expect(removal?.message).toContain('"room_name"');
    expect(removal?.message).toContain('"data[].room_name"');
    expect(removal?.message).toContain("GET /api/video/logs/{id}");
  });

  it("points at the changed element in both documents even though their component names differ", () => {
    const vendor = changed(
      readFixture("vendor-spelling.yaml"),
      (doc) => (doc.components.schemas["Items.Item"].properties.label.type = "integer"),
    );
    const differences = diff(base, vendor).differences;
    expect(differences).toEqual([
      expect.objectContaining({
        kind: "type-changed",
        ours: "/components/schemas/Item/properties/label",
        theirs: "/components/schemas/Items.Item/properties/label",
      }),
    ]);
    expect(differences[0]?.operation).toBeUndefined();
  });

  it("names the operation of a difference that only one operation has", () => {
    const theirs = changed(base, (doc) => (doc.components.parameters.page_size.schema.maximum = 10));
    expect(diff(base, theirs).differences).toEqual([
      expect.objectContaining({
        operation: "GET /items",
        ours: "/components/parameters/page_size/schema",
        message: "Query parameter page_size maximum changed from 100 to 10",
      }),
    ]);
  });

  it("keeps comparing an operation that moved to another path, matched by its operationId", () => {
    const theirs = changed(base, (doc) => {
      doc.paths["/v2/items/{id}"] = doc.paths["/items/{id}"];
      delete doc.paths["/items/{id}"];
      doc.components.schemas.Item.properties.label.type = "integer";
    });
    expect(kindsAndLevels(diff(base, theirs))).toEqual([
      ["operation-moved", "breaking"],
      ["type-changed", "breaking"],
    ]);
  });

  it("does not report a renamed path parameter", () => {
    const theirs = changed(base, (doc) => {
      doc.paths["/items/{item_id}"] = doc.paths["/items/{id}"];
      delete doc.paths["/items/{id}"];
      doc.paths["/items/{item_id}"].get.parameters[0].name = "item_id";
    });
    expect(diff(base, theirs).differences).toEqual([]);
  });

  it("reports only the operations of theirs that live on or below our paths", () => {
    const operation = { get: { responses: { "200": { description: "ok" } } } };
    const theirs = changed(base, (doc) => {
      doc.paths["/users"] = operation;
      doc.paths["/items/{id}/history"] = operation;
    });
    expect(diff(base, theirs).differences).toEqual([
      expect.objectContaining({
        kind: "operation-added",
        operation: "GET /items/{id}/history",
        ours: null,
        theirs: "/paths/~1items~1{id}~1history/get",
      }),
    ]);
  });

  it("compares recursive schemas without hanging and still finds changes in them", () => {
    const folders = readFixture("recursive.yaml");
    expect(diff(folders, folders).differences).toEqual([]);
    const theirs = changed(folders, (doc) => (doc.components.schemas.Folder.properties.name.type = "integer"));
    expect(kindsAndLevels(diff(folders, theirs))).toEqual([["type-changed", "breaking"]]);
  });

  it("throws a DocumentError naming the side and the $ref when a reference cannot be resolved", () => {
    const theirs = changed(
      base,
      (doc) =>
        (doc.paths["/items"].get.responses["200"].content["application/json"].schema.$ref =
          "#/components/schemas/Nope"),
    );
    expect(() => diff(base, theirs)).toThrow(DocumentError);
    expect(() => diff(base, theirs)).toThrow(/theirs document .*#\/components\/schemas\/Nope/);
  });

  it("lists breaking differences first and counts every level in the summary", () => {
    const theirs = changed(base, (doc) => {
      doc.components.parameters.page_size.schema.default = 30;
      delete doc.components.schemas.Item.properties.note;
      delete doc.components.schemas.Item.additionalProperties;
    });
    const report = diff(base, theirs);
    expect(report.differences.map((d) => d.level)).toEqual(["breaking", "non-breaking", "informational"]);
    expect(report.summary).toEqual({ breaking: 1, nonBreaking: 1, informational: 1 });
  });
});
