// `npm run bundle`: the four spec files the package ships, into dist/openapi/ (`npm run build` writes them too):
// video-logs.openapi.json and .yaml (3.1), video-logs.openapi-3.0.json and .yaml (3.0.3).

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSpec } from "./lib/bundle.ts";

const outDir = fileURLToPath(new URL("../dist/openapi/", import.meta.url));
const { openapi31, openapi31Yaml, openapi30, openapi30Yaml } = await bundleSpec(outDir);
for (const file of [openapi31, openapi31Yaml, openapi30, openapi30Yaml])
  console.log(`wrote ${relative(process.cwd(), file)}`);
