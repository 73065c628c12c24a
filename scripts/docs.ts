// `npm run docs`: bundles the spec and builds dist/docs/index.html, a self-contained Redoc API reference.
// `npm run docs:screenshot` also opens it in headless Chromium and saves docs/api-reference.png.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSpec } from "./lib/bundle.ts";
import { buildDocs } from "./lib/docs.ts";
import { screenshotDocs } from "./lib/docs-browser.ts";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const { openapi31, doc31 } = await bundleSpec(`${dist}openapi/`);
const html = await buildDocs(openapi31, `${dist}docs/index.html`);
console.log(`wrote ${relative(process.cwd(), html)}`);

if (process.argv.includes("--screenshot")) {
  const png = fileURLToPath(new URL("../docs/api-reference.png", import.meta.url));
  await screenshotDocs(html, png, doc31);
  console.log(`wrote ${relative(process.cwd(), png)}`);
}
