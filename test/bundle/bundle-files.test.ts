import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { validate as validate30 } from "@hyperjump/json-schema/openapi-3-0";
import { validate as validate31 } from "@hyperjump/json-schema/openapi-3-1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type BundleResult, externalRefs, specYaml } from "../../scripts/lib/bundle.ts";
import { REDOCLY_CONFIG, runRedocly } from "../../scripts/lib/bundle-redocly.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";

// The official OpenAPI document schemas, as shipped by @hyperjump/json-schema.
const OAS_31_SCHEMA = "https://spec.openapis.org/oas/3.1/schema-draft-2020-12";
const OAS_30_SCHEMA = "https://spec.openapis.org/oas/3.0/schema";

let dir: string;
let bundle: BundleResult;

beforeAll(async () => {
  // The broken file below is written here, not beside the shared bundle.
  dir = await mkdtemp(join(tmpdir(), "video-logs-bundle-"));
  bundle = await sharedBundle();
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the bundled OpenAPI files", () => {
  it("bundle the spec into one 3.1 file that says exactly what the YAML source says, every reference internal", () => {
    expect(bundle.doc31.openapi).toBe("3.1.0");
    expect(externalRefs(bundle.doc31)).toEqual([]);
    expect(bundle.doc31).toEqual(loadSpec());
  });

  it("include a YAML copy of each that reads back as the same document, with no anchors and no YAML 1.1 surprises", async () => {
    for (const [yamlFile, doc] of [
      [bundle.openapi31Yaml, bundle.doc31],
      [bundle.openapi30Yaml, bundle.doc30],
    ] as const) {
      const text = await readFile(yamlFile, "utf8");
      expect(parseYaml(text)).toEqual(doc);
      // js-yaml reads YAML 1.1 (as Redocly and many generators do): `no`, `on`, `1_000` would change type there.
      expect((await import("js-yaml")).load(text)).toEqual(doc);
      expect(text).not.toMatch(/^\s*[^#\n]*[&*][A-Za-z0-9]+\s*$/m);
    }
  });

  it("write YAML that keeps strings that look like other types as strings", async () => {
    const tricky = {
      openapi: "3.1.0",
      info: { title: "no", version: "1.0" },
      x: ["on", "1_000", "2024-01-01", "null", "0x1F"],
    };
    const text = specYaml(tricky as never);
    expect(parseYaml(text)).toEqual(tricky);
    expect((await import("js-yaml")).load(text)).toEqual(tricky);
  });

  it("notice a reference that leaves the document", () => {
    expect(externalRefs({ a: { $ref: "other.yaml#/X" }, b: [{ $ref: "#/components/schemas/Y" }] })).toEqual([
      "other.yaml#/X",
    ]);
  });

  it("include a 3.0.3 file that passes the official OpenAPI 3.0 schema", async () => {
    expect(bundle.doc30.openapi).toBe("3.0.3");
    expect((await validate30(OAS_30_SCHEMA, bundle.doc30)).valid).toBe(true);
  });

  it("include a 3.1 file that passes the official OpenAPI 3.1 schema (2020-12 dialect)", async () => {
    expect((await validate31(OAS_31_SCHEMA, bundle.doc31)).valid).toBe(true);
  });

  it("are checked by schemas that do fail: a 3.1 document relabelled 3.0.3, and one without a title, are rejected", async () => {
    const relabelled = { ...structuredClone(bundle.doc31), openapi: "3.0.3" };
    expect((await validate30(OAS_30_SCHEMA, relabelled)).valid).toBe(false);
    const untitled = structuredClone(bundle.doc31);
    delete untitled.info.title;
    expect((await validate31(OAS_31_SCHEMA, untitled)).valid).toBe(false);
    const untitled30 = structuredClone(bundle.doc30);
    delete untitled30.info.title;
    expect((await validate30(OAS_30_SCHEMA, untitled30)).valid).toBe(false);
  });

  it("both pass redocly lint with the repo's own rules, while a broken 3.0 file does not", async () => {
    const broken = join(dir, "broken.openapi-3.0.json");
    // A 3.1 document merely relabelled: its `type: [T, "null"]` lists are not 3.0.
    await writeFile(broken, JSON.stringify({ ...bundle.doc31, openapi: "3.0.3" }));
    // One Redocly run lints both bundles: it exits 0 only when each file passes.
    const [lintBoth, lintBroken] = await Promise.all([
      runRedocly(["lint", bundle.openapi31, bundle.openapi30, "--config", REDOCLY_CONFIG]),
      runRedocly(["lint", broken, "--config", REDOCLY_CONFIG]),
    ]);
    expect(lintBoth.code, lintBoth.output).toBe(0);
    expect(lintBoth.output).toContain(`${basename(bundle.openapi31)}: validated`);
    expect(lintBoth.output).toContain(`${basename(bundle.openapi30)}: validated`);
    expect(lintBroken.code).not.toBe(0);
    expect(lintBroken.output).toMatch(/type/);
  }, 30_000);
});
