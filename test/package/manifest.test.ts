// package.json as a consumer's npm reads it: ranges, the optional Prism peer, the supported Node.js lines.
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { PRISM_INSTALL_COMMAND } from "../../src/mock/prism.ts";
import {
  SHIPPED_SPEC_DIR,
  SPEC_FORMATS,
  SPEC_VERSIONS,
  shippedSpecExport,
  shippedSpecName,
} from "../../src/openapi/shipped-spec.ts";
import { NODE_LINE_FLOORS, REPO_MANIFEST } from "./pack-and-install.ts";

const PRISM = "@stoplight/prism-cli";
const manifest = REPO_MANIFEST;

describe("package.json", () => {
  it("gives runtime dependencies caret ranges, so consumers share one copy", () => {
    const notCaret = Object.entries(manifest.dependencies).filter(([, range]) => !/^\^\d+\.\d+\.\d+$/.test(range));
    expect(notCaret).toEqual([]);
  });

  it("has only runtime dependencies whose installed version accepts Node 20.19, 22.12 and 24", () => {
    const refused = Object.keys(manifest.dependencies).flatMap((name) => {
      const installed = JSON.parse(
        readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), "utf8"),
      ) as { version: string; engines?: { node?: string } };
      expect(semver.satisfies(installed.version, manifest.dependencies[name]!), name).toBe(true);
      const range = installed.engines?.node;
      return NODE_LINE_FLOORS.filter((version) => range !== undefined && !semver.satisfies(version, range)).map(
        (version) => `${name} refuses ${version}`,
      );
    });
    expect(refused).toEqual([]);
  });

  it("exports the entry point, the four shipped spec files at their stable subpaths, the schemas and itself", () => {
    const specs = SPEC_VERSIONS.flatMap((version) =>
      SPEC_FORMATS.map((format) => [
        shippedSpecExport(version, format),
        `./${SHIPPED_SPEC_DIR}/${shippedSpecName(version, format)}`,
      ]),
    );
    expect(manifest.exports).toEqual({
      ".": { types: "./dist/src/index.d.ts", default: "./dist/src/index.js" },
      ...Object.fromEntries(specs),
      "./schemas/*": "./schemas/*",
      "./package.json": "./package.json",
    });
    expect(Object.keys(manifest.exports).slice(1, 5)).toEqual([
      "./openapi.json",
      "./openapi.yaml",
      "./openapi-3.0.json",
      "./openapi-3.0.yaml",
    ]);
    expect(manifest.files).toEqual(expect.arrayContaining([SHIPPED_SPEC_DIR, "schemas"]));
  });

  it("pins every devDependency to an exact version", () => {
    const notExact = Object.entries(manifest.devDependencies).filter(([, version]) => semver.valid(version) === null);
    expect(notExact).toEqual([]);
  });

  it("makes Prism an optional peer whose range accepts 5.14.2 and the pinned devDependency", () => {
    expect(manifest.dependencies[PRISM]).toBeUndefined();
    expect(manifest.peerDependenciesMeta?.[PRISM]?.optional).toBe(true);
    const range = manifest.peerDependencies[PRISM]!;
    expect(semver.satisfies("5.14.2", range)).toBe(true);
    expect(semver.satisfies(manifest.devDependencies[PRISM]!, range)).toBe(true);
    expect(semver.satisfies("6.0.0", range)).toBe(false);
  });

  it("names the pinned Prism devDependency in the install command a missing Prism prints", () => {
    expect(PRISM_INSTALL_COMMAND).toBe(`npm i -D ${PRISM}@${manifest.devDependencies[PRISM]}`);
  });

  it("accepts the first release of Node.js 20.19, 22.12 and 24, and nothing older", () => {
    for (const version of NODE_LINE_FLOORS)
      expect(semver.satisfies(version, manifest.engines.node), version).toBe(true);
    for (const version of ["18.20.0", "20.18.3", "21.7.3", "22.11.0"]) {
      expect(semver.satisfies(version, manifest.engines.node), version).toBe(false);
    }
  });
});
