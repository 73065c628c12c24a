// Packs this repository as `npm publish` would and installs the tarball into a new consumer project, as a user does.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isBuildCurrent } from "../../scripts/lib/build-inputs.ts";
import { consumerEnv, type ProcessResult, runProcess } from "./run-process.ts";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const REPO_MANIFEST = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  engines: { node: string };
  exports: Record<string, unknown>;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

/** The first release of each Node.js line the README promises (`engines` must accept each). */
export const NODE_LINE_FLOORS = ["20.19.0", "22.12.0", "24.0.0"];

/** What `npm pack --json` reports about the tarball. */
export interface PackResult {
  tarball: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/**
 * `npm test` builds before the suites run, and packing here skips scripts so that no rebuild happens under running
 * tests; so refuse to pack a dist/ that is missing or was built from other sources.
 */
export function assertBuildIsCurrent(): void {
  if (!existsSync(join(REPO_ROOT, "dist/src/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  if (!isBuildCurrent(REPO_ROOT)) throw new Error("dist/ was built from other sources: run `npm run build` first");
}

export async function packRepository(destination: string): Promise<PackResult> {
  const result = await runProcess("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], {
    cwd: REPO_ROOT,
  });
  if (result.code !== 0) throw new Error(`npm pack failed (${result.code}):\n${result.stderr}`);
  const [packed] = JSON.parse(result.stdout) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: PackResult["files"];
  }[];
  if (!packed) throw new Error(`npm pack printed no package:\n${result.stdout}`);
  return {
    tarball: join(destination, packed.filename),
    size: packed.size,
    unpackedSize: packed.unpackedSize,
    files: packed.files,
  };
}

/**
 * A new ESM project in `dir` with the tarball and the Node types a TypeScript consumer has. `--prefer-offline`: after
 * `npm ci` the npm cache holds every dependency, and the registry is only asked for what it lacks.
 */
export async function installIntoConsumer(dir: string, tarball: string): Promise<ProcessResult> {
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "video-logs-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  const typesNode = `@types/node@${REPO_MANIFEST.devDependencies["@types/node"]}`;
  const result = await runProcess(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, typesNode],
    {
      cwd: dir,
      env: consumerEnv(),
    },
  );
  if (result.code !== 0) throw new Error(`npm install of the tarball failed (${result.code}):\n${result.stderr}`);
  return result;
}
