// Vitest globalSetup: Redocly bundles the spec once per run, into a scratch directory removed at the end; every suite
// that reads the 3.1 bundle or its 3.0 downgrade gets their paths through `inject("bundlePaths")` (test/helpers/shared-bundle.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { bundleSpec } from "../../scripts/lib/bundle.ts";

declare module "vitest" {
  export interface ProvidedContext {
    bundlePaths: { openapi31: string; openapi30: string; openapi31Yaml: string; openapi30Yaml: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "video-logs-bundle-once-"));
  try {
    const { openapi31, openapi30, openapi31Yaml, openapi30Yaml } = await bundleSpec(dir);
    project.provide("bundlePaths", { openapi31, openapi30, openapi31Yaml, openapi30Yaml });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return () => rm(dir, { recursive: true, force: true });
}
