// Part of `npm run build`: tsc neither compiles nor copies the generated validator modules and operation table (plain
// JS with a generated declaration), so they are copied beside the compiled code that imports them.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { OPERATIONS_FILES } from "./lib/operations-module.ts";
import { moduleFiles, VALIDATOR_MODULES } from "./lib/validators-module.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const files of [...VALIDATOR_MODULES.map(({ name }) => moduleFiles(name)), OPERATIONS_FILES]) {
  for (const file of Object.values(files)) {
    mkdirSync(dirname(`${root}dist/${file}`), { recursive: true });
    copyFileSync(`${root}${file}`, `${root}dist/${file}`);
  }
}
