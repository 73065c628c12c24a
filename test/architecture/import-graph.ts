// The import graph of src/ and bin/: one edge per import, export-from or import() specifier, relative ones resolved to
// repository paths ("src/cli/io.ts"), bare ones ("node:fs", "yaml") kept as written.
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";

export interface ImportEdge {
  /** The importing file, relative to the repository root with forward slashes. */
  from: string;
  /** The imported file, resolved the same way, or the specifier itself when it is not relative. */
  to: string;
}

const SOURCE_FILE = /\.(ts|js|mjs|cjs)$/;

/** Every import edge of the files under `folders` (paths relative to `root`). */
export function importEdges(root: string, folders: readonly string[]): ImportEdge[] {
  return folders.flatMap((folder) =>
    sourceFiles(root, folder).flatMap((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), "utf8"), true, true);
      return importedFiles.map(({ fileName }) => ({ from: file, to: resolveSpecifier(file, fileName) }));
    }),
  );
}

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => SOURCE_FILE.test(name) && !name.endsWith(".d.ts"))
    .map((name) => posix.join(folder, name.split("\\").join("/")))
    .sort();
}

/** A relative specifier as a repository path; bin/ reaches src/ through the build, so dist/src/x.js is src/x.ts. */
export function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const path = posix.normalize(posix.join(posix.dirname(from), specifier));
  const built = /^dist\/(src\/.*)\.js$/.exec(path);
  return built ? `${built[1]}.ts` : path;
}
