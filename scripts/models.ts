// `npm run models`: bundles the spec, then writes Python and Go models of its response bodies into dist/models/.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSpec } from "./lib/bundle.ts";
import { generateModels } from "./lib/models.ts";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const { doc31 } = await bundleSpec(`${dist}openapi/`);
const files = await generateModels(doc31, `${dist}models/`);
for (const file of [files.python, files.go]) console.log(`wrote ${relative(process.cwd(), file)}`);
console.log(`models: ${files.topLevels.join(", ")}`);
