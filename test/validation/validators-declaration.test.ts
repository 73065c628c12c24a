import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as fast from "../../generated/validators.js";
import * as detailed from "../../generated/validators-detailed.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const declarations = ["generated/validators.d.ts", "generated/validators-detailed.d.ts"];

describe("the generated validators' declarations", () => {
  it("type-check on their own with skipLibCheck off and name nothing of ajv", () => {
    // On their own: no @types package at all (tsc's command line cannot say `types: []`, a tsconfig can).
    const dir = mkdtempSync(join(tmpdir(), "video-logs-declarations-"));
    try {
      const tsconfig = join(dir, "tsconfig.json");
      const compilerOptions = { strict: true, skipLibCheck: false, noEmit: true, types: [] };
      writeFileSync(tsconfig, JSON.stringify({ compilerOptions, files: declarations.map((file) => `${root}${file}`) }));
      const result = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", tsconfig], {
        cwd: root,
        encoding: "utf8",
      });
      expect(result.stdout + result.stderr).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const file of declarations)
      expect(readFileSync(`${root}${file}`, "utf8")).not.toMatch(/ajv|schemaEnv|dataCxt/i);
  }, 60_000);

  it("declare exactly the operations, statuses and parameter locations the JavaScript tables hold", () => {
    const declared = readFileSync(`${root}generated/validators.d.ts`, "utf8");
    const keysOf = (table: Record<string, Record<string, unknown>>) =>
      Object.entries(table).map(
        ([op, entries]) =>
          `  readonly ${op}: { ${Object.keys(entries)
            .map((k) => `readonly "${k}": Validator;`)
            .join(" ")} };`,
      );
    for (const line of [...keysOf(fast.responseValidators), ...keysOf(fast.requestValidators)])
      expect(declared).toContain(line);
    const declaredDetailed = readFileSync(`${root}generated/validators-detailed.d.ts`, "utf8");
    const details = detailed.detailedValidators();
    for (const line of keysOf(details.responseValidators)) expect(declaredDetailed).toContain(`  ${line}`);
    for (const ref of Object.keys(details.unionBranches))
      expect(declaredDetailed).toContain(`readonly ${JSON.stringify(ref)}: UnionBranch;`);
    for (const ref of Object.keys(fast.unionBranchShapes))
      expect(declared).toContain(`readonly ${JSON.stringify(ref)}: UnionBranchShape;`);
    expect(Object.keys(fast.unionBranchShapes)).toEqual(Object.keys(details.unionBranches));
  });

  it("build the detailed set once, on its first use", () => {
    expect(detailed.detailedValidators()).toBe(detailed.detailedValidators());
  });

  it("expose validators callable with one argument that report errors relative to the value they were given", () => {
    const validate =
      detailed.detailedValidators().unionBranches[
        "https://signalwire-video-logs.invalid/openapi/components.json#/$defs/DiscardedLog"
      ].validate;
    expect(
      validate({ id: "9b2d4f60-1a3c-4e5f-8a7b-6c5d4e3f2a10", created_at: "2022-01-03T08:00:00Z", discarded_at: 1 }),
    ).toBe(false);
    expect(validate.errors).toMatchObject([{ instancePath: "/discarded_at", keyword: "type" }]);
    expect(fast.responseValidators.get_log["404"]({ error: "Not Found" })).toBe(true);
  });
});
