// Where the toolkit's own files live (its OpenAPI document, the schemas it ships), from the source tree or from a
// build output.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SPEC_RELATIVE_PATH = join("openapi", "video-logs.openapi.yaml");

/** Walks up from this module to the package root, so that the path works from any cwd and from dist/. */
export function packageFile(relativePath: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`could not find ${relativePath} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The toolkit's own OpenAPI document. */
export function defaultSpecPath(): string {
  return packageFile(SPEC_RELATIVE_PATH);
}
