// Guards the single walker: code outside src/openapi/ asks it for operations and references instead of walking alone.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|js)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith("src/openapi/"));
}

/** What a hand-written walker or `$ref` follower looks like. */
const WALKING = [
  ["a list of HTTP methods", /\[\s*"get",\s*"put",\s*"post"/],
  ["a loop over a document's paths", /Object\.(?:entries|keys|values)(?:<[^>]*>)?\(\s*[\w.]*\bpaths\b/],
  ["a loop that follows $ref", /while\s*\([^)]*\$ref/],
  ["a raw JSON-pointer lookup of a $ref", /resolvePointer\(/],
] as const;

describe("the one OpenAPI walker", () => {
  it("is the only code in src/, scripts/ and bench/ that walks a document's operations or follows its $refs", () => {
    const offenders = [...sources("src"), ...sources("scripts"), ...sources("bench")].flatMap((path) => {
      const text = readFileSync(join(ROOT, path), "utf8");
      return WALKING.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${path}: ${what}`);
    });
    expect(offenders).toEqual([]);
  });

  it("recognises the walkers it guards against", () => {
    const sample =
      'for (const m of ["get", "put", "post"]) {}\nObject.entries<any>(doc.paths ?? {})\nwhile (n && n.$ref) n = resolvePointer(doc, n.$ref);';
    expect(WALKING.filter(([, pattern]) => pattern.test(sample)).map(([what]) => what)).toEqual(
      WALKING.map(([what]) => what),
    );
  });
});
