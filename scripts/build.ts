// `npm run build`: a clean dist/, with the JavaScript bundled by esbuild and the declarations emitted by tsc.
//
// JavaScript: one bundle per entry (the package's `src/index.ts`, the CLI's `src/cli/main.ts`, the proxy's judging
// thread), with the code loaded on first use (`import()`) and the code the entries share split into chunks. Importing
// the package then reads a few files instead of about fifty ES modules, each of which Node resolves, reads and links on
// its own: that is most of the cold start. Dependencies stay imports of their packages.
//
// The spec: the four files the package ships (scripts/lib/bundle.ts), bundled by Redocly and downgraded to 3.0.
//
// Declarations: tsc, file by file. It never copies declaration inputs (`generated/*.d.ts`) into its output, yet the
// emitted declarations import them: without the copies the published types degrade to `any`.
//
// A dist/ built from the same inputs is left as it is (`--force` rebuilds it): `npm ci` builds it (prepare), and each
// `npm test` after it would otherwise pay the same build again.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { SHIPPED_SPEC_DIR } from "../src/openapi/shipped-spec.ts";
import { BUILD_STAMP, buildInputsDigest, isBuildCurrent } from "./lib/build-inputs.ts";
import { bundleSpec } from "./lib/bundle.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const GENERATED_DIR = join(root, "generated");

if (!process.argv.includes("--force") && isBuildCurrent(root)) {
  console.log("dist/ is up to date with its inputs (`npm run build -- --force` rebuilds it).");
  process.exit(0);
}
const digest = buildInputsDigest(root);

// Stale output from a removed source would otherwise be packed and published. The rest of dist/ (the models, the docs
// page) belongs to other scripts.
for (const output of ["dist/src", "dist/generated", "dist/action", SHIPPED_SPEC_DIR, BUILD_STAMP])
  rmSync(join(root, output), { recursive: true, force: true });

await bundleSpec(join(root, SHIPPED_SPEC_DIR));

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

mkdirSync(join(root, "dist/generated"), { recursive: true });
for (const name of readdirSync(GENERATED_DIR)) {
  if (name.endsWith(".d.ts")) copyFileSync(join(GENERATED_DIR, name), join(root, "dist/generated", name));
}

const engines = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } }).engines
  .node;
await build({
  absWorkingDir: root,
  // The proxy's judging thread is a worker: a file of its own, which the proxy command starts by its path.
  entryPoints: {
    index: "src/index.ts",
    "cli/main": "src/cli/main.ts",
    "cli/proxy-judging-worker": "src/cli/commands/proxy-judging-worker.ts",
  },
  outdir: "dist/src",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  // The oldest Node line package.json accepts.
  target: `node${/\d+\.\d+\.\d+/.exec(engines)![0]}`,
  packages: "external",
  legalComments: "none",
  logLevel: "error",
});
if (!existsSync(join(root, "dist/src/index.js"))) throw new Error("esbuild wrote no dist/src/index.js");
// The GitHub Action's script (action.yml): one file, never published (the action runs from its own checkout).
await build({
  absWorkingDir: root,
  entryPoints: { main: "action/main.ts" },
  outdir: "dist/action",
  bundle: true,
  format: "esm",
  platform: "node",
  target: `node${/\d+\.\d+\.\d+/.exec(engines)![0]}`,
  packages: "external",
  legalComments: "none",
  logLevel: "error",
});
writeFileSync(join(root, BUILD_STAMP), digest);
