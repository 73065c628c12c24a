// What dist/ is built from, as one digest: `npm run build` skips a dist/ built from the same inputs, and the package
// tests refuse to pack one built from other inputs.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { SHIPPED_SPEC_DIR, SPEC_FORMATS, SPEC_VERSIONS, shippedSpecName } from "../../src/openapi/shipped-spec.ts";

/**
 * Sources (and the JSON schema the CLI bundles), the spec and what bundles it, compiler settings, the build script and
 * the locked tool versions.
 */
const INPUTS = [
  "src",
  "action",
  "generated",
  "schemas/baseline.schema.json",
  "openapi",
  "redocly.yaml",
  "scripts/lib/bundle.ts",
  "scripts/lib/bundle-redocly.ts",
  "scripts/lib/downgrade.ts",
  "tsconfig.json",
  "tsconfig.build.json",
  "scripts/build.ts",
  "scripts/lib/build-inputs.ts",
  "package.json",
  "package-lock.json",
];

/** Where the build records the digest of the inputs it was made from. */
export const BUILD_STAMP = "dist/.inputs-sha256";

/** SHA-256 over the inputs' paths and contents, in a fixed order. */
export function buildInputsDigest(root: string): string {
  const hash = createHash("sha256");
  const add = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash
      .update(`${relative(root, path)}\0`)
      .update(readFileSync(path))
      .update("\0");
  };
  for (const input of INPUTS) add(join(root, input));
  return hash.digest("hex");
}

/** True when dist/ holds a build of exactly the current inputs. */
export function isBuildCurrent(root: string): boolean {
  const stamp = join(root, BUILD_STAMP);
  const entries = ["dist/src/index.js", "dist/src/cli/main.js", "dist/action/main.js", ...shippedSpecFiles()];
  return (
    entries.every((entry) => existsSync(join(root, entry))) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === buildInputsDigest(root)
  );
}

/** The four spec files the build writes for the package to ship, from the package root. */
export function shippedSpecFiles(): string[] {
  return SPEC_VERSIONS.flatMap((version) =>
    SPEC_FORMATS.map((format) => `${SHIPPED_SPEC_DIR}/${shippedSpecName(version, format)}`),
  );
}
