// docs/consumer-toolchains.md and docs/other-languages.md as a user follows them, without a clone: the packed package is
// installed in a new project, and every command block of both pages runs there in page order (a block marked
// `<!-- not run: why -->` is not, and must say why). The generators run with the versions the pages pin, from the npm
// cache (`npm ci` filled it; nothing else is fetched), under Node >= 22.18 (NODE24_BIN) as they require.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { BundleResult } from "../../scripts/lib/bundle.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";
import { assertBuildIsCurrent, packRepository, REPO_MANIFEST, REPO_ROOT } from "../package/pack-and-install.ts";
import { consumerEnv, runProcess } from "../package/run-process.ts";
import { type DocBlock, docBlocks } from "./doc-blocks.ts";
import { generatorNode, needToolchain } from "./toolchain.ts";

const PAGES = ["docs/consumer-toolchains.md", "docs/other-languages.md"];
const toolchain = generatorNode();

let work: string;
let project: string;
let tarball: string;
let bundle: BundleResult;

beforeAll(async () => {
  bundle = await sharedBundle();
  if (toolchain.missing) return;
  assertBuildIsCurrent();
  work = mkdtempSync(join(tmpdir(), "video-logs-docs-commands-"));
  project = join(work, "project");
  mkdirSync(join(work, "pack"));
  mkdirSync(project);
  tarball = (await packRepository(join(work, "pack"))).tarball;
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "a-project", private: true, type: "module" })}\n`,
  );
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The block as the test runs it: `npm install … signalwire-video-logs` installs the packed tarball instead. */
function asRun(block: DocBlock): string {
  return block.body.replace(
    new RegExp(`^npm install (--save-dev )?${REPO_MANIFEST.name}$`, "m"),
    `npm install --no-audit --no-fund $1${tarball}`,
  );
}

/** Runs a page's blocks in order, writing its file blocks; resolves with what each run block printed on failure. */
async function followPage(page: string): Promise<{ line: number; code: number | null; output: string }[]> {
  const runs: { line: number; code: number | null; output: string }[] = [];
  for (const block of docBlocks(readFileSync(join(REPO_ROOT, page), "utf8"))) {
    if (block.kind === "file") writeFileSync(join(project, block.detail!), block.body);
    if (block.kind !== "run") continue;
    const result = await runProcess("sh", ["-e", "-c", asRun(block)], {
      cwd: project,
      env: consumerEnv(
        { npm_config_prefer_offline: "true", npm_config_update_notifier: "false", REDOCLY_TELEMETRY: "off" },
        toolchain.node,
      ),
      timeoutMs: 300_000,
    });
    runs.push({ line: block.line, code: result.code, output: result.code === 0 ? "" : result.stderr + result.stdout });
  }
  return runs;
}

describe.each(PAGES)("%s", (page) => {
  it("marks every block it does not run with why, and names no file of a clone's dist/", () => {
    const text = readFileSync(join(REPO_ROOT, page), "utf8");
    const blocks = docBlocks(text);
    expect(blocks.filter((block) => block.kind === "run").length).toBeGreaterThan(0);
    for (const block of blocks.filter((block) => block.kind === "skipped")) expect(block.detail).toMatch(/\w{3,}/);
    for (const block of blocks) expect(block.body, `${page}:${block.line}`).not.toContain("dist/openapi");
  });
});

describe("the command blocks of the consumer pages, run from the installed package", () => {
  it("each exits 0, and together they write the spec files, both TypeScript clients and the HTML reference", async (ctx) => {
    needToolchain(ctx, toolchain.missing);
    const runs = [...(await followPage(PAGES[0]!)), ...(await followPage(PAGES[1]!))];
    expect(runs.filter((run) => run.code !== 0)).toEqual([]);

    const read = (file: string) => readFileSync(join(project, file), "utf8");
    expect(JSON.parse(read("openapi.json"))).toEqual(bundle.doc31);
    expect(parseYaml(read("openapi.yaml"))).toEqual(bundle.doc31);
    expect(JSON.parse(read("openapi-3.0.json"))).toEqual(bundle.doc30);
    expect(parseYaml(read("openapi-3.0.yaml"))).toEqual(bundle.doc30);
    // @hey-api/openapi-ts: the SDK and its types; orval: one file with both operations.
    for (const operation of ["getLog", "listLogs"]) {
      expect(read("src/video-logs/sdk.gen.ts")).toContain(`export const ${operation} = `);
      expect(read("src/video-logs.ts")).toContain(`export const ${operation} = async (`);
    }
    expect(read("src/video-logs/types.gen.ts")).toContain("export type VideoLog = Log | DiscardedLog");
    const reference = read("api-reference.html");
    expect(reference).toContain("SignalWire Video Logs API");
    expect(existsSync(join(project, "node_modules", REPO_MANIFEST.name, "dist/openapi"))).toBe(true);
  }, 900_000);
});
