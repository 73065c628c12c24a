// Bundles the spec into one self-contained JSON file (OpenAPI 3.1) and writes its 3.0.3 downgrade beside it, and a
// YAML copy of each: the four files the package ships (src/openapi/shipped-spec.ts names them).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { shippedSpecName } from "../../src/openapi/shipped-spec.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";
import { mustRunRedocly, REDOCLY_CONFIG } from "./bundle-redocly.ts";
import { downgradeTo30 } from "./downgrade.ts";

export const BUNDLE_31_NAME = shippedSpecName("3.1", "json");
export const BUNDLE_30_NAME = shippedSpecName("3.0", "json");

export interface BundleResult {
  /** Path of the bundled OpenAPI 3.1 document. */
  openapi31: string;
  /** Path of its OpenAPI 3.0.3 downgrade. */
  openapi30: string;
  /** The same two documents as YAML. */
  openapi31Yaml: string;
  openapi30Yaml: string;
  doc31: OpenApiDocument;
  doc30: OpenApiDocument;
}

/** Every `$ref` in the document that does not point inside it. */
export function externalRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((item) => {
      externalRefs(item, found);
    });
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) found.push(value);
      else externalRefs(value, found);
    }
  }
  return found;
}

export async function bundleSpec(outDir: string, specPath: string = defaultSpecPath()): Promise<BundleResult> {
  await mkdir(outDir, { recursive: true });
  const openapi31 = join(outDir, BUNDLE_31_NAME);
  const openapi30 = join(outDir, BUNDLE_30_NAME);

  // Redocly inlines any file the spec references into `components` and keeps every reference local.
  await mustRunRedocly(["bundle", specPath, "--config", REDOCLY_CONFIG, "--ext", "json", "-o", openapi31]);
  const doc31 = JSON.parse(await readFile(openapi31, "utf8")) as OpenApiDocument;
  const outside = externalRefs(doc31);
  if (outside.length > 0) throw new Error(`the bundle still points outside itself: ${outside.join(", ")}`);

  const doc30 = downgradeTo30(doc31);
  await writeFile(openapi30, `${JSON.stringify(doc30, null, 2)}\n`);
  const openapi31Yaml = join(outDir, shippedSpecName("3.1", "yaml"));
  const openapi30Yaml = join(outDir, shippedSpecName("3.0", "yaml"));
  await Promise.all([writeFile(openapi31Yaml, specYaml(doc31)), writeFile(openapi30Yaml, specYaml(doc30))]);
  return { openapi31, openapi30, openapi31Yaml, openapi30Yaml, doc31, doc30 };
}

/**
 * A document as YAML that reads back as the same JSON value: no anchors for objects the downgrade shares, no folded
 * lines, and strings quoted that a YAML 1.1 reader (js-yaml, many generators) would take for another type (`on`, a
 * date); quoted that way they are the same strings in YAML 1.2.
 */
export function specYaml(doc: OpenApiDocument): string {
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0, version: "1.1" });
}
