// The gates a spec given at run time passes: the built-in spec passes them all, and each refuses a small broken
// document with the first problems it finds, each at its JSON pointer.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { SpecDocumentError } from "../../src/errors/spec-document-error.ts";
import { assertUsableSpec, DOCUMENT_GATES, firstFailedGate } from "../../src/openapi/document-gates.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { readSpecFile } from "../../src/openapi/read-spec-file.ts";

/** A small document that passes every gate: one operation, one closed component, an example, two extensions. */
function small(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "Things", version: "1" },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths: {
      "/things": {
        get: {
          operationId: "list_things",
          parameters: [{ name: "page_size", in: "query", "x-page-size": true, schema: { type: "integer" } }],
          responses: {
            "200": {
              description: "The thing.",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/Thing" },
                  examples: { one: { value: { id: "a", size: 1 } } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          additionalProperties: false,
          required: ["id"],
          properties: { id: { type: "string" }, size: { type: "integer" } },
          "x-stable-fields": ["id"],
        },
      },
    },
  };
}

/** The message a refusal of `small()` changed by `change` carries. */
function refusal(change: (doc: OpenApiDocument) => void): string {
  const doc = small();
  change(doc);
  try {
    assertUsableSpec(doc, "broken.yaml");
  } catch (error) {
    if (error instanceof SpecDocumentError) return error.message;
    throw error;
  }
  throw new Error("the document passed every gate");
}

const thing = (doc: OpenApiDocument) => doc.components.schemas.Thing;
const listThings = (doc: OpenApiDocument) => doc.paths["/things"].get;

describe("the document gates", () => {
  it("let the built-in spec and a small valid document through, in this order", () => {
    expect(DOCUMENT_GATES.map((gate) => gate.name)).toEqual([
      "openapi-3.1",
      "refs",
      "strict-schemas",
      "closed-objects",
      "extensions",
      "examples",
    ]);
    expect(firstFailedGate(loadSpec())).toBeUndefined();
    expect(firstFailedGate(small())).toBeUndefined();
  });

  it("refuse a document the official OpenAPI 3.1 schema refuses, naming the property", () => {
    expect(
      refusal((doc) => {
        listThings(doc).responsez = {};
      }),
    ).toBe(
      'broken.yaml is not a valid OpenAPI 3.1 document (checked against the official OAS 3.1 schema); #/paths/~1things/get: has a property that is not allowed here: "responsez"',
    );
  });

  it("refuse a Schema Object the JSON Schema 2020-12 meta-schema refuses", () => {
    expect(
      refusal((doc) => {
        thing(doc).properties.size.type = "numbr";
      }),
    ).toBe(
      'broken.yaml is not a valid OpenAPI 3.1 document (checked against the official OAS 3.1 schema); #/components/schemas/Thing/properties/size/type: must be one of "array", "boolean", "integer", "null", "number", "object", "string", not "numbr"',
    );
  });

  it("refuse a document of another OpenAPI version, or one that is not a mapping", () => {
    expect(
      refusal((doc) => {
        doc.openapi = "3.0.3";
      }),
    ).toBe(
      'broken.yaml is not a valid OpenAPI 3.1 document (checked against the official OAS 3.1 schema); #/openapi: is "3.0.3": the toolkit reads OpenAPI 3.1 documents',
    );
    expect(() => assertUsableSpec("openapi: 3.1.0", "text.yaml")).toThrow(
      'text.yaml is not a valid OpenAPI 3.1 document (checked against the official OAS 3.1 schema); #: must be of type object, not "openapi: 3.1.0"',
    );
  });

  it("refuse a $ref to another file, saying to bundle the spec first, and one that names nothing", () => {
    expect(
      refusal((doc) => {
        thing(doc).properties.size = { $ref: "size.yaml" };
        thing(doc).properties.id = { $ref: "#/components/schemas/Id" };
      }),
    ).toBe(
      "broken.yaml has a $ref that cannot be followed inside the document; " +
        '#/components/schemas/Thing/properties/id: $ref "#/components/schemas/Id" names nothing in the document; ' +
        '#/components/schemas/Thing/properties/size: $ref "size.yaml" points outside the document: bundle the spec ' +
        "into one file first (for example `npx @redocly/cli bundle FILE -o bundled.yaml`), so that no other file or URL is read",
    );
  });

  it("refuse a schema ajv's strict mode refuses, at the subschema that holds the unknown keyword", () => {
    expect(
      refusal((doc) => {
        thing(doc).properties.size.minimun = 1;
      }),
    ).toBe(
      'broken.yaml has a schema that does not compile with ajv in strict mode, as the toolkit\'s validators are compiled; #/components/schemas/Thing/properties/size: strict mode: unknown keyword: "minimun"',
    );
  });

  it("refuse an object schema that is not closed", () => {
    expect(
      refusal((doc) => {
        delete thing(doc).additionalProperties;
      }),
    ).toBe(
      "broken.yaml has an open object schema (the toolkit's specs close every object, so that an unknown field shows as drift); #/components/schemas/Thing: is an object schema without additionalProperties: false",
    );
  });

  it("refuse an extension the toolkit reads that is misplaced or misshapen", () => {
    expect(
      refusal((doc) => {
        listThings(doc).parameters[0]["x-page-size"] = "yes";
        thing(doc)["x-filter"] = { field: "id", compare: "after" };
        thing(doc)["x-stable-fields"] = ["id", "colour"];
      }),
    ).toBe(
      "broken.yaml has an x- extension the toolkit reads that is not written as docs/spec.md describes (Extensions we use); " +
        "#/paths/~1things/get/parameters/0/x-page-size: must be true; " +
        '#/components/schemas/Thing/x-stable-fields: names "colour", which is not a property of this schema; ' +
        "#/components/schemas/Thing/x-filter: belongs on a query parameter",
    );
  });

  it("refuse an example its own schema refuses, at the failing value", () => {
    expect(
      refusal((doc) => {
        listThings(doc).responses["200"].content["application/json"].examples.one.value.size = "big";
      }),
    ).toBe(
      'broken.yaml has an example that does not validate against its own schema; #/paths/~1things/get/responses/200/content/application~1json/examples/one/value/size: example "one" of list_things 200 must be of type integer, not "big"',
    );
  });

  it("list the first five problems of a gate and count the rest", () => {
    const error = (() => {
      const doc = small();
      for (const name of ["A", "B", "C", "D", "E", "F", "G"]) doc.components.schemas[name] = { type: "object" };
      try {
        assertUsableSpec(doc, "open.yaml");
      } catch (caught) {
        return caught as SpecDocumentError;
      }
    })();
    expect(error).toBeInstanceOf(SpecDocumentError);
    expect(error!.gate).toBe("closed-objects");
    expect(error!.problems.map(({ pointer }) => pointer)).toEqual([
      "#/components/schemas/A",
      "#/components/schemas/B",
      "#/components/schemas/C",
      "#/components/schemas/D",
      "#/components/schemas/E",
    ]);
    expect(error!.more).toBe(2);
    expect(error!.message).toMatch(/; and 2 more$/);
  });
});

describe("a spec file", () => {
  const dir = mkdtempSync(join(tmpdir(), "video-logs-spec-file-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is read as YAML or JSON and checked", () => {
    writeFileSync(join(dir, "small.yaml"), stringify(small()));
    writeFileSync(join(dir, "small.json"), JSON.stringify(small()));
    expect(readSpecFile(join(dir, "small.yaml"))).toEqual(small());
    expect(readSpecFile(join(dir, "small.json"))).toEqual(small());
  });

  it("that is missing, or not YAML, is refused with why", () => {
    const missing = join(dir, "missing.yaml");
    expect(() => readSpecFile(missing)).toThrow(new SpecDocumentError(missing, "read", "cannot be read: no such file"));
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "openapi: 3.1.0\ninfo: [unclosed\n");
    expect(() => readSpecFile(broken)).toThrow(
      new SpecDocumentError(
        broken,
        "read",
        "is not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1",
      ),
    );
  });
});
