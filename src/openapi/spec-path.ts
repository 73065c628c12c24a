// Where the toolkit's own files live (its OpenAPI document, its JSON Schemas), from the source tree or a build output.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SPEC_RELATIVE_PATH = join("openapi", "video-logs.openapi.yaml");
const PACKAGE_NAME = "signalwire-video-logs";

/** Walks up from this module to the package root, so the default works from any cwd and from dist/. */
export function defaultSpecPath(): string {
  return packageFilePath(SPEC_RELATIVE_PATH);
}

/**
 * A file of the package by its path from the package root (`schemas/history.schema.json`): the root is the first
 * folder above this module whose package.json is this package's, so a build output's own copies (dist/openapi/) never
 * stand in for the files at the root.
 */
export function packageFilePath(relativePath: string): string {
  const candidate = join(packageRoot(), relativePath);
  if (!existsSync(candidate)) throw new Error(`could not find ${relativePath} in the package at ${packageRoot()}`);
  return candidate;
}

let root: string | undefined;

function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isThisPackage(join(dir, "package.json"))) {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`could not find the package root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function isThisPackage(manifest: string): boolean {
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}
