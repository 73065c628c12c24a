// The identity of the spec a run judged by: the SHA-256 of the document's bytes, so runs under different specs are
// told apart (a drift history compares only runs of the same spec).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { defaultSpecPath } from "./spec-path.ts";

/** `sha256:` and the hex digest of the file's bytes; by default the toolkit's own spec, the one every check uses. */
export function specHash(path: string = defaultSpecPath()): string {
  return `sha256:${createHash("sha256").update(readFileSync(path)).digest("hex")}`;
}
