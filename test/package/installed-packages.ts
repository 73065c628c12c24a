// Looks into an installed node_modules tree the way Node does, without `require.resolve` (which `exports` can refuse).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

interface Manifest {
  name: string;
  version: string;
  bin?: string | Record<string, string>;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** The folder of package `name` as Node finds it from `fromDir`: the nearest node_modules above that holds it. */
export function findPackageDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed above ${fromDir}`);
  }
}

/** The script behind a package's command, e.g. `binEntry("publint", root)` → `…/node_modules/publint/src/cli.js`. */
export function binEntry(name: string, fromDir: string, command = name.replace(/^@[^/]+\//, "")): string {
  const dir = findPackageDir(name, fromDir);
  const { bin } = readManifest(dir);
  const script = typeof bin === "string" ? bin : bin?.[command];
  if (!script) throw new Error(`${name} has no \`${command}\` command`);
  return join(dir, script);
}

/** `name@version` → `engines.node` (undefined when unstated) for the package in `packageDir` and its runtime tree. */
export function runtimeDependencyEngines(packageDir: string): Map<string, string | undefined> {
  const seen = new Map<string, string | undefined>();
  const visit = (dir: string): void => {
    const manifest = readManifest(dir);
    const key = `${manifest.name}@${manifest.version}`;
    if (seen.has(key)) return;
    seen.set(key, manifest.engines?.node);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(findPackageDir(dependency, dir));
  };
  visit(packageDir);
  return seen;
}
