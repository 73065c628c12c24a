// Specs other than the built-in one, for `--spec FILE`: made from ours by a small change, written where a test wants.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import type { OpenApiDocument } from "../../src/openapi/openapi-document.ts";

/** Every log in its full form (an object with `room_name` and `charge_details`) anywhere in `node`, given a region. */
function addRegion(node: unknown, region: string): void {
  if (Array.isArray(node)) for (const item of node) addRegion(item, region);
  else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if ("room_name" in record && Array.isArray(record.charge_details)) record.region = region;
    for (const value of Object.values(record)) addRegion(value, region);
  }
}

/**
 * Our spec, where a log in its full form has a required `region` (every example holds one) and list_logs takes a
 * `region` query parameter: what a server that added regions would be described by.
 */
export function specWithRegion(): OpenApiDocument {
  const doc = loadSpec();
  const log = doc.components.schemas.Log;
  log.properties.region = { type: "string", description: "Where the session ran." };
  log.required.push("region");
  addRegion(doc.components.examples, "eu");
  addRegion(doc.paths, "eu");
  doc.paths["/api/video/logs"].get.parameters.push({
    name: "region",
    in: "query",
    required: false,
    description: "Only logs of this region.",
    schema: { type: "string" },
  });
  return doc;
}

/** Writes `doc` as YAML to `dir/name` and gives its path. */
export function writeSpec(dir: string, name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, stringify(doc));
  return path;
}
