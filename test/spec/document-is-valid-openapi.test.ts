import { validate } from "@hyperjump/json-schema/openapi-3-1";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { lookupRef } from "../../src/openapi/resolve-ref.ts";
import { walkOperations } from "../../src/openapi/walk-operations.ts";

// The official OAS 3.1 schema for documents whose jsonSchemaDialect is plain JSON Schema 2020-12: it checks the
// document's structure and every Schema Object against the 2020-12 meta-schema.
const OAS_31_WITH_2020_12 = "https://spec.openapis.org/oas/3.1/schema-draft-2020-12";
const spec = loadSpec();

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((n) => {
      collectRefs(n, out);
    });
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("validates against the official OpenAPI 3.1 schema for the 2020-12 dialect", async () => {
    const output = await validate(OAS_31_WITH_2020_12, spec, "BASIC");
    expect(output).toEqual({ valid: true });
  });

  it("would fail that validation with a misspelt schema type", async () => {
    const broken = loadSpec();
    broken.components.schemas.Log.properties.charge.type = "numbr";
    expect((await validate(OAS_31_WITH_2020_12, broken)).valid).toBe(false);
  });

  it("declares OpenAPI 3.1.0 with the JSON Schema 2020-12 dialect", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("resolves every $ref it contains, and the walker follows them all without a cycle", () => {
    for (const ref of collectRefs(spec)) expect(() => lookupRef(spec, ref, ""), ref).not.toThrow();
    expect(() => walkOperations(spec)).not.toThrow();
  });

  it("serves the Space host with a space_name variable and requires HTTP Basic auth", () => {
    expect(spec.servers[0].url).toBe("https://{space_name}.signalwire.com");
    expect(spec.servers[0].variables.space_name.default).toMatch(/^[a-z0-9-]+$/);
    expect(spec.components.securitySchemes.signalwireBasicAuth).toMatchObject({ type: "http", scheme: "basic" });
    expect(spec.security).toEqual([{ signalwireBasicAuth: [] }]);
  });

  it("declares the two operations with the vendor's operationIds and statuses", () => {
    const statuses = (path: string) => Object.keys(spec.paths[path].get.responses).sort();
    expect(spec.paths["/api/video/logs/{id}"].get.operationId).toBe("get_log");
    expect(spec.paths["/api/video/logs"].get.operationId).toBe("list_logs");
    expect(statuses("/api/video/logs/{id}")).toEqual(["200", "400", "401", "403", "404", "422", "500"]);
    expect(statuses("/api/video/logs")).toEqual(["200", "400", "401", "403", "422", "500"]);
  });

  it("closes every object schema so that unknown fields show up as drift", () => {
    const open = Object.entries<any>(spec.components.schemas)
      .filter(([, schema]) => schema.type === "object" && schema.additionalProperties !== false)
      .map(([name]) => name);
    expect(open).toEqual([]);
  });
});
