// Part of `npm run build`: tsc neither compiles nor copies the generated validator modules (plain JS with a generated
// declaration), so they are copied beside the compiled code that imports them.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { moduleFiles, VALIDATOR_MODULES } from "./lib/validators-module.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const { name } of VALIDATOR_MODULES) {
  for (const file of Object.values(moduleFiles(name))) {
    mkdirSync(dirname(`${root}dist/${file}`), { recursive: true });
    copyFileSync(`${root}${file}`, `${root}dist/${file}`);
  }
}
