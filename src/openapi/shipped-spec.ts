// The bundled spec the package ships: OpenAPI 3.1 and its 3.0.3 downgrade, each as JSON and YAML, written by the build
// (scripts/lib/bundle.ts) into dist/openapi/, exported as `signalwire-video-logs/openapi.json`… and printed by
// `video-logs spec`. One table, read by the build, the CLI and the package tests.
import { packageFilePath } from "./spec-path.ts";

export const SPEC_VERSIONS = ["3.1", "3.0"] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];
export const SPEC_FORMATS = ["json", "yaml"] as const;
export type SpecFormat = (typeof SPEC_FORMATS)[number];

/** Where the build writes the shipped copies, from the package root. */
export const SHIPPED_SPEC_DIR = "dist/openapi";

/** A shipped copy's file name in SHIPPED_SPEC_DIR. */
export function shippedSpecName(version: SpecVersion, format: SpecFormat): string {
  return `video-logs.openapi${version === "3.0" ? "-3.0" : ""}.${format}`;
}

/** A shipped copy's subpath in package.json `exports`: `./openapi.json`, `./openapi-3.0.yaml`. */
export function shippedSpecExport(version: SpecVersion, format: SpecFormat): string {
  return `./openapi${version === "3.0" ? "-3.0" : ""}.${format}`;
}

/** The shipped copy's path in the installed package (or the repository, once built). */
export function shippedSpecPath(version: SpecVersion, format: SpecFormat): string {
  return packageFilePath(`${SHIPPED_SPEC_DIR}/${shippedSpecName(version, format)}`);
}
