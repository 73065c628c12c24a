// Builds the static HTML API reference with Redocly (Redoc 3), self-contained so that viewing it fetches nothing.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { mustRunRedocly, REDOCLY_CONFIG } from "./bundle-redocly.ts";

export const DOCS_TITLE = "SignalWire Video Logs API reference";

/**
 * Redoc 3 with `--inlineBundle` embeds its scripts and styles and loads no web fonts; the one thing it still takes
 * from a CDN is the "API docs by Redocly" logo in the sidebar. We keep the attribution but draw it locally.
 */
const REMOTE_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="44" height="14" viewBox="0 0 44 14">' +
    '<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="bold" fill="#0044d4">Redoc</text></svg>',
)}`;

/** Host names whose presence in the page means a reader's browser would fetch from them. */
const FORBIDDEN_HOSTS = ["cdn.redoc.ly", "fonts.googleapis.com", "fonts.gstatic.com"];

/** Replaces the CDN logo with a local one and checks that no known remote asset is left. */
export function makeSelfContained(html: string): string {
  const out = html.replace(REMOTE_LOGO, LOCAL_LOGO);
  const left = FORBIDDEN_HOSTS.filter((host) => out.includes(host));
  if (left.length > 0) throw new Error(`the docs page would still load from ${left.join(", ")}`);
  return out;
}

/** Renders `specPath` (the bundled 3.1 file) into one self-contained HTML file at `outFile`. */
export async function buildDocs(specPath: string, outFile: string): Promise<string> {
  await mkdir(dirname(outFile), { recursive: true });
  // `--inlineBundle` puts Redoc's scripts in the page instead of loading them from the CDN; runRedocly sets
  // REDOCLY_TELEMETRY=off, which also keeps the page from sending telemetry from readers' browsers.
  await mustRunRedocly([
    "build-docs",
    specPath,
    "--config",
    REDOCLY_CONFIG,
    "--inlineBundle",
    "--title",
    DOCS_TITLE,
    "-o",
    outFile,
  ]);
  await writeFile(outFile, makeSelfContained(await readFile(outFile, "utf8")));
  return outFile;
}
