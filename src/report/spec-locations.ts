// The spec file as the SARIF and GitLab reports name it: its path relative to a root (the working directory, or
// `--sarif-root DIR`), written as a URI reference with `/`, and the positions of its nodes.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { FindingLocator } from "./finding-location.ts";
import { SpecPositions } from "./spec-positions.ts";

export interface SpecLocations {
  /** The file's path from the root, with `/` (`openapi/video-logs.openapi.yaml`), as GitLab reads it. */
  path: string;
  /** The same path as a relative URI reference (each segment percent-encoded), as SARIF reads it. */
  uri: string;
  positions: SpecPositions;
}

/** The spec file `file` read, its path taken from `root`. */
export function readSpecLocations(file: string, root: string): SpecLocations {
  return specLocationsOf(readFileSync(file, "utf8"), relative(root, file).split(sep).join("/"));
}

/** The locations of a spec given as text, named by `path` (relative, with `/`). */
export function specLocationsOf(text: string, path: string): SpecLocations {
  return { path, uri: path.split("/").map(encodeURIComponent).join("/"), positions: new SpecPositions(text) };
}

/** The locator of the findings of a check in this spec. */
export function findingLocatorOf(spec: SpecLocations): FindingLocator {
  return new FindingLocator(spec.positions.toJs());
}
