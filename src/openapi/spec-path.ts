// Where the toolkit's own OpenAPI document lives, from the source tree or from a build output.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SPEC_RELATIVE_PATH = join("openapi", "video-logs.openapi.yaml");

/** Walks up from this module to the package root, so the default works from any cwd and from dist/. */
export function defaultSpecPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, SPEC_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`could not find ${SPEC_RELATIVE_PATH} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
