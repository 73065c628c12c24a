import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const workspaces: string[] = [];

/** A scratch copy of what the generator reads and writes, sharing node_modules with the repo. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "video-logs-gate-"));
  workspaces.push(dir);
  for (const entry of ["openapi", "generated", "scripts", "src", "redocly.yaml", "package.json"]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function runCheck(dir: string) {
  return spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/generate.ts", "--check"], {
    cwd: dir,
    encoding: "utf8",
  });
}

afterAll(() => {
  workspaces.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the generated-files gate", () => {
  it("passes on the committed spec and generated files", () => {
    const result = runCheck(scratchCopy());
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("fails when a property's type changes in the spec without regenerating", () => {
    const dir = scratchCopy();
    const specPath = join(dir, "openapi/video-logs.openapi.yaml");
    const spec = readFileSync(specPath, "utf8");
    const changed = spec.replace(/(locked:\n\s+type: )boolean/, (_match, prefix: string) => `${prefix}string`);
    expect(changed).not.toBe(spec);
    writeFileSync(specPath, changed);

    const result = runCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("generated/video-logs.d.ts is stale");
    expect(result.stderr).toContain("generated/validators.js is stale");
  });

  it("fails when an operation gains a status without regenerating the validators' declaration", () => {
    const dir = scratchCopy();
    const specPath = join(dir, "openapi/video-logs.openapi.yaml");
    const spec = readFileSync(specPath, "utf8");
    const changed = spec.replace("        '404':\n          $ref: '#/components/responses/NotFound'\n", "");
    expect(changed).not.toBe(spec);
    writeFileSync(specPath, changed);

    const result = runCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("generated/validators.d.ts is stale");
    expect(result.stderr).toContain("generated/validators-detailed.d.ts is stale");
  });

  it("fails when a generated declaration is edited by hand", () => {
    const dir = scratchCopy();
    const declarationPath = join(dir, "generated/validators.d.ts");
    writeFileSync(
      declarationPath,
      readFileSync(declarationPath, "utf8").replace("(data: unknown): boolean", "(data: any): boolean"),
    );

    const result = runCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("generated/validators.d.ts is stale");
  });

  it("fails when the HAR validator, generated from the har-schema package, is edited by hand", () => {
    const dir = scratchCopy();
    const validatorPath = join(dir, "generated/har-validator.js");
    const validator = readFileSync(validatorPath, "utf8");
    const edited = validator.replace(/"must be integer"/, '"must be a whole number"');
    expect(edited).not.toBe(validator);
    writeFileSync(validatorPath, edited);

    const result = runCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("generated/har-validator.js is stale: run `npm run generate` and commit the result.\n");
  });
}, 60_000);
