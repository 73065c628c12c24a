// Applies an Overlay document to a spec with openapi-format, run as a child process from node_modules, as a user would.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** openapi-format's executable, as its package.json `bin` names it. */
export const OPENAPI_FORMAT_BIN = join(ROOT, "node_modules", "openapi-format", "bin", "cli.js");
export const OUR_SPEC = join(ROOT, "openapi", "video-logs.openapi.yaml");

export interface AppliedOverlay {
  /** The patched spec as openapi-format wrote it. */
  text: string;
  /** openapi-format's own output, for a failing assertion's message. */
  log: string;
  ms: number;
}

/** Runs `openapi-format SPEC --overlayFile OVERLAY --no-sort -o OUT`; the child is killed after `timeoutMs`. */
export function runOpenapiFormat(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [OPENAPI_FORMAT_BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "" },
      timeout: timeoutMs,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The spec with the overlay applied, from a scratch folder that is removed afterwards. */
export async function applyOverlay(overlayYaml: string, spec = OUR_SPEC): Promise<AppliedOverlay> {
  const dir = mkdtempSync(join(tmpdir(), "video-logs-overlay-"));
  try {
    const overlay = join(dir, "proposal.yaml");
    const out = join(dir, "patched.yaml");
    writeFileSync(overlay, overlayYaml);
    const started = performance.now();
    const { code, output } = await runOpenapiFormat([spec, "--overlayFile", overlay, "--no-sort", "-o", out]);
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`openapi-format exited ${code}: ${output}`);
    return { text: readFileSync(out, "utf8"), log: output, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** openapi-format's library, as its CLI calls it for `SPEC --overlayFile P --no-sort -o OUT.yaml`: no child process. */
interface OpenapiFormatLibrary {
  parseFile(file: string, options: Record<string, unknown>): Promise<unknown>;
  parseString(text: string, options: Record<string, unknown>): Promise<unknown>;
  openapiOverlay(spec: unknown, options: { overlaySet: unknown }): Promise<{ data: unknown }>;
  stringify(doc: unknown, options: Record<string, unknown>): Promise<string>;
}
const openapiFormat = createRequire(import.meta.url)("openapi-format") as OpenapiFormatLibrary;

/** The patched spec's text, as the CLI would write it to a `.yaml` file, from openapi-format's library in process. */
export async function applyOverlayInProcess(overlayYaml: string, spec = OUR_SPEC): Promise<string> {
  const fileOptions: Record<string, unknown> = { keepComments: false, bundle: true };
  const doc = await openapiFormat.parseFile(spec, fileOptions);
  const overlaySet = await openapiFormat.parseString(overlayYaml, {});
  if (overlaySet instanceof Error) throw overlaySet;
  const { data } = await openapiFormat.openapiOverlay(doc, { overlaySet });
  return openapiFormat.stringify(data, {
    format: "yaml",
    lineWidth: -1,
    yamlValueFormats: fileOptions.yamlValueFormats ?? {},
    detectedYamlQuoteStyle: fileOptions.detectedYamlQuoteStyle,
  });
}
