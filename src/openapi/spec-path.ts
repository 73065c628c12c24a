// Where the toolkit's own files live (its OpenAPI document, its JSON Schemas), from the source tree or a build output.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SPEC_RELATIVE_PATH = join("openapi", "video-logs.openapi.yaml");

/** Walks up from this module to the package root, so the default works from any cwd and from dist/. */
export function defaultSpecPath(): string {
  return packageFilePath(SPEC_RELATIVE_PATH);
}

/** A file of the package by its path from the package root (`schemas/history.schema.json`), found by walking up. */
export function packageFilePath(relativePath: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`could not find ${relativePath} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
