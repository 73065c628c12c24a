// `npm run generate`: regenerates everything in generated/ from the spec. `--check` only compares and fails when stale.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadSpec } from "../src/openapi/load-spec.ts";
import { buildHarValidatorModule, HAR_VALIDATOR_FILES } from "./lib/har-validator-module.ts";
import { buildOperationsModule, OPERATIONS_FILES } from "./lib/operations-module.ts";
import { buildSpecDocumentModule, SPEC_DOCUMENT_FILES } from "./lib/spec-document-module.ts";
import { buildValidatorsModule, moduleFiles, VALIDATOR_MODULES } from "./lib/validators-module.ts";

const check = process.argv.includes("--check");
const root = fileURLToPath(new URL("..", import.meta.url));
let stale = false;

// 1. TypeScript types: the plain openapi-typescript call, configured by redocly.yaml (x-openapi-ts).
const typescript = spawnSync(
  process.execPath,
  ["node_modules/openapi-typescript/bin/cli.js", ...(check ? ["--check"] : [])],
  { cwd: root, encoding: "utf8" },
);
if (typescript.status !== 0) {
  process.stderr.write(typescript.stdout + typescript.stderr);
  if (!check) process.exit(1);
  console.error("generated/video-logs.d.ts is stale: run `npm run generate` and commit the result.");
  stale = true;
}

/** Writes a generated module's JavaScript and declaration, or with --check says which of them differ from what is built. */
function emit(files: { js: string; declaration: string }, built: { js: string; declaration: string }): void {
  for (const kind of ["js", "declaration"] as const) {
    const path = `${root}${files[kind]}`;
    if (!check) writeFileSync(path, built[kind]);
    else if (!existsSync(path) || readFileSync(path, "utf8") !== built[kind]) {
      console.error(`${files[kind]} is stale: run \`npm run generate\` and commit the result.`);
      stale = true;
    }
  }
}

// 2. Precompiled ajv validators (plain JS plus a declaration) for every response body and every operation's
//    parameters, fast and detailed.
const spec = loadSpec();
for (const { name, detailed } of VALIDATOR_MODULES) {
  const files = moduleFiles(name);
  emit(files, buildValidatorsModule(spec, { detailed }));
}

// 3. The operation table (plain JS plus a declaration) that the route-generic client, check and CLI read.
emit(OPERATIONS_FILES, buildOperationsModule(spec));

// 4. The spec as plain data (the drift check's coverage reads its response schemas without parsing YAML).
emit(SPEC_DOCUMENT_FILES, buildSpecDocumentModule(spec));

// 5. The HAR 1.2 structure check of `check --har` (plain JS plus a declaration), from the har-schema package's schemas.
emit(HAR_VALIDATOR_FILES, buildHarValidatorModule());

if (stale) process.exit(1);
console.log(check ? "generated/ is up to date with the spec." : "generated/ regenerated from the spec.");
