// `video-logs spec` as a user runs it: the built executable prints the shipped spec files byte for byte, each the spec
// the toolkit judges by (or its 3.0 downgrade), and refuses bad flags and an --out over its own files with exit 2.
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { downgradeTo30 } from "../../scripts/lib/downgrade.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { SHIPPED_SPEC_DIR, shippedSpecName } from "../../src/openapi/shipped-spec.ts";
import { ROOT, runBin } from "../helpers/cli.ts";
import { cliSuite } from "./cli-suite.ts";

const { dir } = cliSuite("spec");

const shipped = (version: "3.1" | "3.0", format: "json" | "yaml") =>
  join(ROOT, SHIPPED_SPEC_DIR, shippedSpecName(version, format));

const SPEC_31 = loadSpec();

describe("video-logs spec", () => {
  it("prints the 3.1 spec as JSON by default, the shipped file byte for byte, saying what the YAML source says", async () => {
    const { code, stdout, stderr } = await runBin(["spec"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(shipped("3.1", "json"), "utf8"));
    expect(JSON.parse(stdout)).toEqual(SPEC_31);
  });

  const readJson = (text: string): unknown => JSON.parse(text);
  const readYaml = (text: string): unknown => parseYaml(text);
  it.each([
    ["3.1", "json", readJson],
    ["3.1", "yaml", readYaml],
    ["3.0", "json", readJson],
    ["3.0", "yaml", readYaml],
  ] as const)(
    "--openapi %s --format %s prints that shipped file, the spec in that version",
    async (version, format, parse) => {
      const { code, stdout, stderr } = await runBin(["spec", "--openapi", version, "--format", format]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toBe(readFileSync(shipped(version, format), "utf8"));
      expect(parse(stdout)).toEqual(version === "3.1" ? SPEC_31 : downgradeTo30(structuredClone(SPEC_31)));
    },
  );

  it("writes to --out FILE, nothing to stdout, and says where on stderr unless --quiet", async () => {
    const file = join(dir, "openapi.yaml");
    const written = await runBin(["spec", "--format", "yaml", "--out", file]);
    expect(written).toMatchObject({ code: 0, stdout: "", stderr: `Spec written to ${file}\n` });
    expect(readFileSync(file, "utf8")).toBe(readFileSync(shipped("3.1", "yaml"), "utf8"));
    const quiet = await runBin(["spec", "--openapi", "3.0", "--out", file, "--quiet"]);
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(file, "utf8")).toBe(readFileSync(shipped("3.0", "json"), "utf8"));
  });

  it.each([
    [["--format", "xml"], 'video-logs: --format must be one of json, yaml, got "xml"'],
    [["--openapi", "2.0"], 'video-logs: --openapi must be one of 3.1, 3.0, got "2.0"'],
    [["--openapi", "3"], 'video-logs: --openapi must be one of 3.1, 3.0, got "3"'],
    [["--bundle"], "video-logs: Unknown option '--bundle'"],
    [["openapi.json"], 'video-logs: Unexpected argument "openapi.json"'],
  ])("refuses %j with exit 2 and a pointer to its help", async (args, message) => {
    const { code, stdout, stderr } = await runBin(["spec", ...args]);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: "",
      stderr: `${message}\nRun \`video-logs spec --help\` for usage.\n`,
    });
  });

  it("never writes over the shipped file it prints, named directly or through a link", async () => {
    const source = shipped("3.1", "json");
    const before = readFileSync(source, "utf8");
    const link = join(dir, "link-to-shipped.json");
    symlinkSync(source, link);
    for (const out of [source, link]) {
      const { code, stdout, stderr } = await runBin(["spec", "--out", out]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      expect(stderr.split("\n")[0]).toBe(
        `video-logs: --out would overwrite the spec it prints, ${out === source ? JSON.stringify(source) : `${JSON.stringify(source)} and ${JSON.stringify(link)}`}: write to another file`,
      );
    }
    expect(readFileSync(source, "utf8")).toBe(before);
  });

  it("refuses an --out in a folder that does not exist with exit 2, writing nothing", async () => {
    const file = join(dir, "no-such-folder", "openapi.json");
    const { code, stdout, stderr } = await runBin(["spec", "--out", file]);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: "",
      stderr: `video-logs: Cannot write the spec to ${file}: its folder does not exist or is not writable\n`,
    });
    expect(existsSync(file)).toBe(false);
  });
});
