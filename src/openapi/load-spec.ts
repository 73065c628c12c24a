// Reads an OpenAPI document from a YAML (or JSON) file; by default the toolkit's own spec.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { OpenApiDocument } from "./openapi-document.ts";
import { defaultSpecPath } from "./spec-path.ts";

export function loadSpec(path: string = defaultSpecPath()): OpenApiDocument {
  return parse(readFileSync(path, "utf8")) as OpenApiDocument;
}
