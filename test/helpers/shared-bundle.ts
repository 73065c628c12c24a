// The run's one bundle of the spec (test/setup/bundle-once.ts made it): read it, never write beside it.
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import type { BundleResult } from "../../scripts/lib/bundle.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";

export async function sharedBundle(): Promise<BundleResult> {
  const paths = inject("bundlePaths");
  const { openapi31, openapi30 } = paths;
  const [doc31, doc30] = await Promise.all(
    [openapi31, openapi30].map(async (path) => JSON.parse(await readFile(path, "utf8")) as OpenApiDocument),
  );
  return { ...paths, doc31: doc31!, doc30: doc30! };
}
