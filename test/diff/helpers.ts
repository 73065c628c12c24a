// Shared helpers of the spec diff tests: fixtures, documents derived from them, and a captured CLI io.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type DiffReport, diffDocuments } from "../../src/diff/diff-documents.ts";
import { type Side, toOpenApiDocument } from "../../src/diff/load-document.ts";

// Fixtures are edited freely by tests, so they are typed loosely on purpose.
export type Doc = any;

export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const OUR_SPEC_PATH = fileURLToPath(new URL("../../openapi/video-logs.openapi.yaml", import.meta.url));

export function readYaml(path: string): Doc {
  return parse(readFileSync(path, "utf8"));
}

export function readFixture(name: string): Doc {
  return name.endsWith(".json") ? JSON.parse(readFileSync(fixturePath(name), "utf8")) : readYaml(fixturePath(name));
}

/** A deep copy of `doc` with `change` applied. */
export function changed(doc: Doc, change: (copy: Doc) => void): Doc {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

export function diff(ours: Doc, theirs: Doc): DiffReport {
  return diffDocuments(asDocument(ours, "ours"), asDocument(theirs, "theirs"));
}

export function asDocument(doc: Doc, side: Side) {
  return toOpenApiDocument(doc, side, `${side}.yaml`);
}

/** `[kind, level]` of every difference, sorted so that tests do not depend on report order. */
export function kindsAndLevels(report: DiffReport): Array<[string, string]> {
  return report.differences
    .map((d): [string, string] => [d.kind, d.level])
    .sort((a, b) => a.join().localeCompare(b.join()));
}

/** Writes `doc` as JSON to a fresh temporary file and returns its path. */
export function writeTemp(doc: unknown, name = "theirs.json"): string {
  const path = join(mkdtempSync(join(tmpdir(), "spec-diff-")), name);
  writeFileSync(path, typeof doc === "string" ? doc : JSON.stringify(doc));
  return path;
}

export { type CapturedIo, captureIo } from "../helpers/capture-io.ts";
