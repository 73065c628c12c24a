// Where each finding is, read from the SARIF report: each result's partial fingerprints name its finding, and its
// first physical location is the spec's line. Without a SARIF report (or for a result without a location), nothing.
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";

export interface SourceLocation {
  file: string;
  line?: number;
  col?: number;
}

interface SarifResult {
  partialFingerprints?: Record<string, string>;
  fingerprints?: Record<string, string>;
  locations?: {
    physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } };
  }[];
}

/**
 * A SARIF URI as a path relative to the workspace, or undefined outside it: the built-in spec lives in the action's
 * own checkout, where no annotation can point.
 */
function workspacePath(uri: string, workspace: string): string | undefined {
  const path = uri.startsWith("file:") ? fileURLToPath(uri) : decodeURIComponent(uri);
  const inside = isAbsolute(path) ? relative(workspace, path) : path;
  return inside.startsWith("..") || isAbsolute(inside) ? undefined : inside;
}

/** Fingerprint → location, for every result of every run that has both. */
export function sarifLocations(sarifFile: string | undefined, workspace: string): Map<string, SourceLocation> {
  const locations = new Map<string, SourceLocation>();
  if (sarifFile === undefined || !existsSync(sarifFile)) return locations;
  const log = JSON.parse(readFileSync(sarifFile, "utf8")) as { runs?: { results?: SarifResult[] }[] };
  for (const result of (log.runs ?? []).flatMap((run) => run.results ?? [])) {
    const physical = result.locations?.[0]?.physicalLocation;
    const uri = physical?.artifactLocation?.uri;
    const file = uri === undefined ? undefined : workspacePath(uri, workspace);
    if (file === undefined) continue;
    const location = {
      file,
      line: physical?.region?.startLine,
      col: physical?.region?.startColumn,
    };
    for (const fingerprint of Object.values({ ...result.fingerprints, ...result.partialFingerprints }))
      locations.set(fingerprint, location);
  }
  return locations;
}
