// `npm run build`: a clean dist/src + dist/generated from tsc, plus the generated files tsc does not emit.
//
// tsc never copies declaration inputs (`generated/video-logs.d.ts`) nor plain JavaScript into its output, yet the
// emitted declarations and modules import them: without the copies the published types degrade to `any`.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const OUTPUT_DIRS = ["dist/src", "dist/generated"];
const GENERATED_DIR = join(root, "generated");

/** A declaration with no JavaScript beside it describes types only (openapi-typescript's output). */
function isTypeOnlyDeclaration(name: string): boolean {
  return name.endsWith(".d.ts") && !existsSync(join(GENERATED_DIR, name.replace(/\.d\.ts$/, ".js")));
}

// Stale output from a removed source would otherwise be packed and published.
for (const dir of OUTPUT_DIRS) rmSync(join(root, dir), { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

mkdirSync(join(root, "dist/generated"), { recursive: true });
for (const name of readdirSync(GENERATED_DIR)) {
  if (isTypeOnlyDeclaration(name)) copyFileSync(join(GENERATED_DIR, name), join(root, "dist/generated", name));
}
// The validator modules (JavaScript with a generated declaration) are copied by their own script.
await import("./copy-validators.ts");
