// Bundles the spec into one self-contained JSON file (OpenAPI 3.1) and writes its 3.0.3 downgrade beside it.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";
import { defaultSpecPath } from "../../src/openapi/spec-path.ts";
import { mustRunRedocly, REDOCLY_CONFIG } from "./bundle-redocly.ts";
import { downgradeTo30 } from "./downgrade.ts";

export const BUNDLE_31_NAME = "video-logs.openapi.json";
export const BUNDLE_30_NAME = "video-logs.openapi-3.0.json";

export interface BundleResult {
  /** Path of the bundled OpenAPI 3.1 document. */
  openapi31: string;
  /** Path of its OpenAPI 3.0.3 downgrade. */
  openapi30: string;
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
  return { openapi31, openapi30, doc31, doc30 };
}
