// Prism's command line: where its entry script is, what to tell it, and what to say when it is not installed.
// Starting and supervising the process is start-prism.ts's job (with src/process/ and src/net/ports.ts).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { defaultSpecPath } from "../openapi/spec-path.ts";

/** How to install the Prism release this toolkit is tested with (Prism is an optional peer dependency). */
export const PRISM_INSTALL_COMMAND = "npm i -D @stoplight/prism-cli@5.16.0";

/** `@stoplight/prism-cli` cannot be found; the mock and the validating proxy need it, nothing else does. */
export class PrismNotInstalledError extends Error {
  override name = "PrismNotInstalledError";
  readonly installCommand = PRISM_INSTALL_COMMAND;
  constructor() {
    super(
      "Prism is not installed: the mock and the validating proxy need @stoplight/prism-cli, an optional peer " +
        `dependency of signalwire-video-logs. Install it with: ${PRISM_INSTALL_COMMAND}`,
    );
  }
}

/** The path of Prism's CLI entry script, or a PrismNotInstalledError when the package is not installed. */
export function resolvePrismEntry(): string {
  const require = createRequire(import.meta.url);
  let packageJsonPath: string;
  try {
    packageJsonPath = require.resolve("@stoplight/prism-cli/package.json");
  } catch {
    throw new PrismNotInstalledError();
  }
  const manifest = JSON.parse(readFileSync(packageJsonPath, "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : (manifest.bin?.prism ?? "dist/index.js");
  const entry = resolve(dirname(packageJsonPath), bin);
  if (!existsSync(entry)) throw new Error(`Prism is installed but its entry script is missing: ${entry}`);
  return entry;
}

/** The document Prism serves: `specPath` made absolute (it must exist), else the toolkit's own spec. */
export function resolveSpecPath(specPath: string | undefined): string {
  if (specPath === undefined) return defaultSpecPath();
  const absolute = resolve(specPath);
  if (!existsSync(absolute)) throw new Error(`OpenAPI document not found: ${absolute}`);
  return absolute;
}

export interface PrismMockArgs {
  /** The OpenAPI document; defaults to the toolkit's own `openapi/video-logs.openapi.yaml`. */
  specPath?: string;
  /** Generate bodies from the schemas (`--dynamic`) instead of serving the named examples. */
  dynamic?: boolean;
  /**
   * Seed of the dynamic generator, passed in dynamic mode (default 1) so that bodies are repeatable; `null` leaves
   * Prism unseeded, so that every answer is a new random body.
   */
  seed?: number | string | null;
}

/** `mock <spec> [--dynamic [--seed N]]` */
export function prismMockArgs(options: PrismMockArgs = {}): string[] {
  const args = ["mock", resolveSpecPath(options.specPath)];
  if (options.dynamic) args.push("--dynamic", ...(options.seed === null ? [] : ["--seed", String(options.seed ?? 1)]));
  return args;
}

export interface PrismProxyArgs {
  /** The OpenAPI document; defaults to the toolkit's own `openapi/video-logs.openapi.yaml`. */
  specPath?: string;
  /** The real server Prism forwards every request to, e.g. `https://example.signalwire.com`. */
  upstream: string;
}

/** `proxy <spec> <upstream>`; the upstream must be an absolute http(s) URL. */
export function prismProxyArgs(options: PrismProxyArgs): string[] {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw new TypeError(`startPrismProxy: upstream must be an absolute URL, got "${options.upstream}"`);
  }
  if (upstream.protocol !== "http:" && upstream.protocol !== "https:") {
    throw new TypeError(`startPrismProxy: upstream must be http(s), got "${upstream.protocol}"`);
  }
  return ["proxy", resolveSpecPath(options.specPath), upstream.href.replace(/\/$/, "")];
}

export interface PrismListenArgs {
  host: string;
  port: number;
  /** With `--errors`, Prism answers a response that violates the spec with a 500 problem instead of passing it on. */
  errors?: boolean;
}

/** `--host H --port P [--errors]` */
export function prismListenArgs({ host, port, errors }: PrismListenArgs): string[] {
  return ["--host", host, "--port", String(port), ...(errors ? ["--errors"] : [])];
}

/** Environment that keeps Prism's output free of colour codes. */
export const PRISM_ENV = { FORCE_COLOR: "0", NO_COLOR: "1" };
