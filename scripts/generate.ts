// `npm run generate`: regenerates everything in generated/ from the spec. `--check` only compares and fails when stale.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildValidatorsModule } from "./lib/validators-module.ts";
import { loadSpec } from "./lib/spec.ts";

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

// 2. Precompiled ajv validators for every response body and every operation's parameters.
const validatorsPath = `${root}generated/validators.ts`;
const validators = buildValidatorsModule(loadSpec());
if (check) {
  if (!existsSync(validatorsPath) || readFileSync(validatorsPath, "utf8") !== validators) {
    console.error("generated/validators.ts is stale: run `npm run generate` and commit the result.");
    stale = true;
  }
} else {
  writeFileSync(validatorsPath, validators);
}

if (stale) process.exit(1);
console.log(check ? "generated/ is up to date with the spec." : "generated/ regenerated from the spec.");
