// A document Prism is to serve that exists only in memory (a spec given with `--spec`, checked and free of external
// `$ref`s): written to a file of its own in a temporary folder, which is removed when the mock stops, or at the latest
// when the process exits.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenApiDocument } from "../openapi/openapi-document.ts";

export interface DocumentFile {
  /** The file Prism reads. */
  path: string;
  /** Removes the file and its folder; idempotent. */
  remove(): void;
}

export function writeDocumentFile(document: OpenApiDocument): DocumentFile {
  const dir = mkdtempSync(join(tmpdir(), "video-logs-spec-"));
  const remove = () => {
    process.off("exit", remove);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", remove);
  try {
    const path = join(dir, "spec.json");
    writeFileSync(path, JSON.stringify(document));
    return { path, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
