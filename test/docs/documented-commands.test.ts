// Every code block of the README and of docs/, as a user meets it: the package is packed and installed into a new
// project (no clone), and from there every shell line runs as written (a `--space` against a stand-in Space), every
// TypeScript block type-checks strictly with skipLibCheck off, JSON and YAML blocks parse, and an output sample holds
// only lines its sample file has. A block that cannot run here says why in a comment on the line before it.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { driftedRecording, harRecording } from "../helpers/har-recording.ts";
import type { LocalServer } from "../helpers/local-server.ts";
import { API_TOKEN, completedLog, PROJECT_ID } from "../helpers/sample-bodies.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";
import { binEntry } from "../package/installed-packages.ts";
import { assertBuildIsCurrent, installIntoConsumer, packRepository, REPO_ROOT } from "../package/pack-and-install.ts";
import { consumerEnv, type ProcessResult, runNode, runProcess } from "../package/run-process.ts";
import { type CodeBlock, deadLinks, documentedPages, pageBlocks, shellLines } from "./code-blocks.ts";

/** Pages whose every unmarked block another suite runs from the installed package, with the generators they need. */
const RUN_ELSEWHERE: Record<string, string> = {
  "docs/consumer-toolchains.md": "test/other-languages/docs-commands.test.ts",
  "docs/other-languages.md": "test/other-languages/docs-commands.test.ts",
};
const BLOCKS = documentedPages(REPO_ROOT)
  .filter((page) => !(page in RUN_ELSEWHERE))
  .flatMap((page) => pageBlocks(REPO_ROOT, page));
const where = (block: CodeBlock) => `${block.page}:${block.line}`;

/** The shell commands this suite runs: the package's CLI, and openapi-format (which the proposal flow applies with). */
const RUNNABLE = /^npx (video-logs|openapi-format) /;
/** Dev tools a user would have beside the package, linked from this checkout instead of fetched. */
const LINKED_TOOLS = ["openapi-format", "@stoplight/prism-cli"];

let work: string;
let consumer: string;
let space: LocalServer;

/** Files the documented commands read, as a user would have them: recordings, a baseline, a patched and a vendor spec. */
function writeInputs(dir: string): void {
  const spec = join(REPO_ROOT, "openapi/video-logs.openapi.yaml");
  const session = harRecording([
    { url: `https://example.signalwire.com/api/video/logs/${completedLog.id}`, json: completedLog },
  ]);
  writeFileSync(join(dir, "rec.har"), JSON.stringify(driftedRecording()));
  writeFileSync(join(dir, "session.har"), JSON.stringify(session));
  writeFileSync(join(dir, "proxy.har"), JSON.stringify(driftedRecording({ prefix: "/proxy/signalwire" })));
  writeFileSync(join(dir, "known-drift.json"), '{"ignore": []}\n');
  mkdirSync(join(dir, "openapi"));
  for (const name of ["patched.yaml", "old.yaml", "new.yaml", "openapi/ours.yaml", "openapi/new.yaml"])
    cpSync(spec, join(dir, name));
  cpSync(join(REPO_ROOT, "test/diff/fixtures/vendor-spelling.yaml"), join(dir, "vendor.yaml"));
}

/** A documented line as it runs here: a `--space` or a loopback `--base-url` goes to the stand-in Space. */
function asRun(line: string): string {
  return line
    .replace(/--space \S+|--base-url http:\/\/127\.0\.0\.1:\d+/g, `--base-url ${space.url}`)
    .replace(/#.*$/, "");
}

function runLine(line: string, cwd: string): Promise<ProcessResult> {
  return runProcess("sh", ["-c", asRun(line)], {
    cwd,
    timeoutMs: 120_000,
    env: consumerEnv({
      SIGNALWIRE_PROJECT_ID: PROJECT_ID,
      SIGNALWIRE_API_TOKEN: API_TOKEN,
      GITHUB_STEP_SUMMARY: join(cwd, "step-summary.md"),
      npm_config_offline: "true",
    }),
  });
}

beforeAll(async () => {
  assertBuildIsCurrent();
  work = mkdtempSync(join(tmpdir(), "video-logs-docs-"));
  consumer = join(work, "consumer");
  mkdirSync(join(work, "pack"));
  mkdirSync(consumer);
  const packed = await packRepository(join(work, "pack"));
  await installIntoConsumer(consumer, packed.tarball);
  for (const tool of LINKED_TOOLS) {
    mkdirSync(join(consumer, "node_modules", tool, ".."), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules", tool), join(consumer, "node_modules", tool));
  }
  symlinkSync(
    join(REPO_ROOT, "node_modules/openapi-format/bin/cli.js"),
    join(consumer, "node_modules/.bin/openapi-format"),
  );
  space = await startStandInSpace();
}, 180_000);

afterAll(async () => {
  await space?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("every code block of the README and docs/", () => {
  it("is run here, compared with its sample, or says why not", () => {
    const unaccounted = BLOCKS.filter((block) => {
      if (block.marker) return block.marker.value === "";
      if (["ts", "json", "yaml"].includes(block.lang)) return false;
      if (block.lang === "sh") return shellLines(block.body).some((line) => !RUNNABLE.test(line));
      return true;
    });
    expect(unaccounted.map(where)).toEqual([]);
  });

  it("has, on every page, relative links that lead to a file and a heading that exist", () => {
    const dead = documentedPages(REPO_ROOT).flatMap((page) =>
      deadLinks(REPO_ROOT, page).map((link) => `${page}: ${link}`),
    );
    expect(dead).toEqual([]);
  });

  it("leaves to another suite only pages that suite runs", () => {
    for (const [page, suite] of Object.entries(RUN_ELSEWHERE)) {
      expect(existsSync(join(REPO_ROOT, page)), page).toBe(true);
      expect(readFileSync(join(REPO_ROOT, suite), "utf8"), suite).toContain(page.replace(/^docs\//, ""));
    }
  });

  it("names, for each block it does not run, a suite that exists or a reason", () => {
    const tested = BLOCKS.filter((block) => block.marker?.kind === "tested by");
    expect(tested.filter((block) => !existsSync(join(REPO_ROOT, block.marker!.value))).map(where)).toEqual([]);
  });

  it("holds, in each output sample, only lines of its sample file", () => {
    for (const block of BLOCKS.filter((b) => b.marker?.kind === "sample")) {
      const sample = new Set(readFileSync(join(REPO_ROOT, block.marker!.value), "utf8").split("\n"));
      const foreign = block.body.split("\n").filter((line) => line !== "" && !sample.has(line));
      expect(foreign, where(block)).toEqual([]);
    }
  });

  it("parses, for each JSON and YAML block, as its language", () => {
    for (const block of BLOCKS.filter((b) => !b.marker && (b.lang === "json" || b.lang === "yaml"))) {
      expect(
        () => (block.lang === "json" ? JSON.parse(block.body) : parseYaml(block.body)),
        where(block),
      ).not.toThrow();
    }
  });

  it("type-checks every TypeScript block from the installed package, strict with skipLibCheck off", async () => {
    const blocks = BLOCKS.filter((b) => !b.marker && b.lang === "ts");
    expect(blocks.length).toBeGreaterThan(0);
    const dir = join(consumer, "ts-blocks");
    mkdirSync(dir);
    cpSync(join(REPO_ROOT, "test/package/consumer-project/tsconfig.nodenext.json"), join(dir, "tsconfig.json"));
    for (const block of blocks)
      writeFileSync(join(dir, `${basename(block.page, ".md")}-${block.line}.ts`), `${block.body}\nexport {};\n`);
    const tsc = await runNode([binEntry("typescript", REPO_ROOT, "tsc"), "-p", "tsconfig.json", "--pretty", "false"], {
      cwd: dir,
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  }, 120_000);

  const pages = [...new Set(BLOCKS.filter((b) => !b.marker && b.lang === "sh").map((b) => b.page))];
  it.each(pages)(
    "runs every shell line of %s from the installed package, in order, with the status it states",
    async (page) => {
      const dir = join(consumer, page.replace(/[/.]/g, "-"));
      mkdirSync(dir);
      symlinkSync(join(consumer, "node_modules"), join(dir, "node_modules"));
      writeInputs(dir);
      const lines = BLOCKS.filter((b) => b.page === page && !b.marker && b.lang === "sh").flatMap((b) =>
        shellLines(b.body),
      );
      for (const line of lines) {
        const result = await runLine(line, dir);
        // 0, or 1 for drift found; 2 (a usage error, a file it cannot read) means the page documents a wrong command.
        const outcome = result.code === 0 || result.code === 1 ? "ran" : `exit ${result.code}: ${result.stderr}`;
        expect({ line, outcome }).toEqual({ line, outcome: "ran" });
        expect(result.stdout + result.stderr).not.toContain(API_TOKEN);
      }
    },
    300_000,
  );
});
