// `npm run bundle`: dist/openapi/video-logs.openapi.json (3.1) and dist/openapi/video-logs.openapi-3.0.json (3.0.3).

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSpec } from "./lib/bundle.ts";

const outDir = fileURLToPath(new URL("../dist/openapi/", import.meta.url));
const { openapi31, openapi30 } = await bundleSpec(outDir);
for (const file of [openapi31, openapi30]) console.log(`wrote ${relative(process.cwd(), file)}`);
