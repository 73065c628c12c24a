// The package as a consumer gets it: `npm pack`, installed from the tarball into a new project, used from there.
import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadFixtureSet, type ReplayServer, startReplayServer } from "../../contract-tests/replay/replay-server.ts";
import type { BundleResult } from "../../scripts/lib/bundle.ts";
import { PRISM_INSTALL_COMMAND, PrismNotInstalledError } from "../../src/mock/prism.ts";
import {
  SHIPPED_SPEC_DIR,
  SPEC_FORMATS,
  SPEC_VERSIONS,
  shippedSpecExport,
  shippedSpecName,
} from "../../src/openapi/shipped-spec.ts";
import type { DriftReport } from "../../src/report/report-types.ts";
import { headingAnchor } from "../docs/code-blocks.ts";
import { harEntry, harRecording, writeHar } from "../helpers/har-recording.ts";
import * as standIn from "../helpers/sample-bodies.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";
import { startStandInSpace } from "../helpers/stand-in-space.ts";
import { binEntry, runtimeDependencyEngines } from "./installed-packages.ts";
import {
  assertBuildIsCurrent,
  installIntoConsumer,
  NODE_LINE_FLOORS,
  type PackResult,
  packRepository,
  REPO_MANIFEST,
  REPO_ROOT,
} from "./pack-and-install.ts";
import { consumerEnv, type ProcessResult, runNode, runProcess } from "./run-process.ts";

const PROJECT_DIR = join(REPO_ROOT, "test/package/consumer-project");
const PACKAGE = REPO_MANIFEST.name;
const PROJECT_ID = "6a1f2e3d-4c5b-4a69-8877-665544332211";
const API_TOKEN = "PTconsumer-secret-0123456789";
/** How far the packed size may move before docs/install.md's figure must be updated. */
const SIZE_TOLERANCE = 0.25;

let work: string;
let consumer: string;
let installed: string;
let packed: PackResult;
let install: ProcessResult;
let server: ReplayServer;
let typeChecks: Record<"nodenext" | "bundler", Promise<ProcessResult>>;
let bundle: BundleResult;

/** The four shipped spec files: their export, their file in the package, and the bundle they must equal. */
const SHIPPED_SPECS = SPEC_VERSIONS.flatMap((version) =>
  SPEC_FORMATS.map((format) => ({
    version,
    format,
    subpath: `${PACKAGE}${shippedSpecExport(version, format).slice(1)}`,
    file: `${SHIPPED_SPEC_DIR}/${shippedSpecName(version, format)}`,
  })),
);
/** The JSON Schemas under schemas/ (the vendored OpenAPI schema included), as `signalwire-video-logs/schemas/*` exports them. */
const SHIPPED_SCHEMAS = readdirSync(join(REPO_ROOT, "schemas"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
  .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));

/** The first TypeScript block under the README's "## The client" heading. */
function readmeUsageExample(readme: string): string {
  const usage = readme.slice(readme.indexOf("\n## The client\n"));
  const match = /```ts\n([\s\S]*?)```/.exec(usage);
  if (!match?.[1]) throw new Error("README.md has no ```ts block under ## The client");
  return match[1];
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  // The bin link npm made, started through its `#!/usr/bin/env node` line, with the Node under test first on PATH.
  return runProcess(join(consumer, "node_modules/.bin/video-logs"), args, {
    cwd: consumer,
    env: consumerEnv(env),
    timeoutMs: 60_000,
  });
}

/** Starts tsc on a consumer tsconfig; awaited by its test later, so a failure to spawn must not go unhandled now. */
function typeCheck(tsconfig: string): Promise<ProcessResult> {
  const run = runNode([binEntry("typescript", REPO_ROOT, "tsc"), "-p", tsconfig, "--pretty", "false"], {
    cwd: consumer,
  });
  run.catch(() => undefined);
  return run;
}

/** Runs `use-client.mjs` against the replay server on the given Node and returns what it saw. */
async function useClient(nodeBin: string): Promise<ClientRun> {
  const result = await runProcess(nodeBin, ["use-client.mjs", server.url], {
    cwd: consumer,
    env: consumerEnv({ SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: API_TOKEN }, nodeBin),
  });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).not.toContain(API_TOKEN);
  return JSON.parse(result.stdout) as ClientRun;
}

/** What `use-client.mjs` prints. */
interface ClientRun {
  version: string;
  ids: string[];
  discarded: number;
  firstId: string;
  firstViolations: unknown[];
  notFound: { status: number; isApiError: boolean; instanceOfApiError: boolean };
  rawStatus: number;
}

async function requireClient(nodeBin: string): Promise<unknown> {
  const result = await runProcess(nodeBin, ["require-client.cjs"], { cwd: consumer, env: consumerEnv({}, nodeBin) });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const REQUIRE_TOOLCHAINS = process.env.REQUIRE_TOOLCHAINS === "1";
/** Node lines CI installs besides the one running the tests (.ci/run exports their executables). */
const OTHER_NODE_LINES = [
  ["22", "NODE22_BIN"],
  ["24", "NODE24_BIN"],
] as const;

function needNode(variable: string, ctx: TestContext): string {
  const bin = process.env[variable];
  if (bin) return bin;
  const message = `${variable} is not set (.ci/run installs that Node line and sets it)`;
  if (REQUIRE_TOOLCHAINS) throw new Error(`${message}, and REQUIRE_TOOLCHAINS=1 demands it`);
  ctx.skip(`${message}; set REQUIRE_TOOLCHAINS=1 to make this a failure`);
  return "";
}

beforeAll(async () => {
  assertBuildIsCurrent();
  work = mkdtempSync(join(tmpdir(), "video-logs-package-"));
  consumer = join(work, "consumer");
  mkdirSync(join(work, "pack"));
  mkdirSync(consumer);
  packed = await packRepository(join(work, "pack"));
  install = await installIntoConsumer(consumer, packed.tarball);
  installed = join(consumer, "node_modules", PACKAGE);
  for (const name of readdirSync(PROJECT_DIR))
    if (name !== "README.md") copyFileSync(join(PROJECT_DIR, name), join(consumer, name));
  writeFileSync(
    join(consumer, "readme-usage.ts"),
    readmeUsageExample(readFileSync(join(installed, "README.md"), "utf8")),
  );
  // Both type-checks start now and run beside the other tests: each takes seconds, mostly reading @types/node.
  typeChecks = { nodenext: typeCheck("tsconfig.nodenext.json"), bundler: typeCheck("tsconfig.bundler.json") };
  server = await startReplayServer({ fixtureSet: "clean", projectId: PROJECT_ID, apiToken: API_TOKEN });
  bundle = await sharedBundle();
}, 180_000);

afterAll(async () => {
  if (typeChecks) await Promise.allSettled(Object.values(typeChecks));
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds the build, the spec, the report schema, the docs and the licence, and no sources, tests or fixtures", () => {
    const paths = packed.files.map((file) => file.path);
    for (const required of [
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "bin/video-logs.js",
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/generated/video-logs.d.ts",
      "openapi/video-logs.openapi.yaml",
      ...SHIPPED_SPECS.map((spec) => spec.file),
      "schemas/drift-report.schema.json",
      "schemas/history.schema.json",
      "schemas/baseline.schema.json",
    ]) {
      expect(paths).toContain(required);
    }
    expect(
      paths.filter((path) =>
        /^(src|generated|scripts|test|contract-tests|bench)\/|fixtures|\.test(-d)?\.ts$/.test(path),
      ),
    ).toEqual([]);
  });

  it("holds every file the build wrote", () => {
    const paths = new Set(packed.files.map((file) => file.path));
    const built = (dir: string): string[] =>
      readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
    const missing = [...built("dist/src"), ...built("dist/generated"), ...built(SHIPPED_SPEC_DIR)].filter(
      (path) => !paths.has(path),
    );
    expect(missing).toEqual([]);
  });

  it("is as large as docs/install.md says, within a quarter", () => {
    const page = readFileSync(join(REPO_ROOT, "docs/install.md"), "utf8");
    const stated = /about (\d+) kB packed/.exec(page);
    expect(stated, "docs/install.md states the packed size as `about N kB packed`").not.toBeNull();
    const statedBytes = Number(stated![1]) * 1000;
    const actualKb = Math.round(packed.size / 1000);
    expect(
      Math.abs(packed.size - statedBytes) / statedBytes,
      `the tarball is ${actualKb} kB: update docs/install.md`,
    ).toBeLessThanOrEqual(SIZE_TOLERANCE);
  });

  it("has a README whose every relative link and anchor resolves inside the package", () => {
    const readme = readFileSync(join(installed, "README.md"), "utf8");
    const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((match) => headingAnchor(match[1]!)));
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(0);
    const dead = targets.filter((target) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return false; // an absolute URL, not a file of the package
      const [path, anchor] = target.split("#");
      if (!path) return !anchors.has(anchor ?? "");
      return !existsSync(join(installed, path));
    });
    expect(dead).toEqual([]);
  });

  it("passes publint and are-the-types-wrong (ESM-only profile) with no problem", async () => {
    const [publint, attw] = await Promise.all([
      runNode([binEntry("publint", REPO_ROOT), "run", packed.tarball, "--strict"], { cwd: work }),
      // --no-definitely-typed: judge the package's own types, and never ask the registry for @types packages.
      // The YAML exports are data, not modules: TypeScript resolves no `.yaml` import, so attw can only call them
      // unresolved. The resolution test below resolves them as their users do.
      runNode(
        [
          binEntry("@arethetypeswrong/cli", REPO_ROOT, "attw"),
          packed.tarball,
          "--profile",
          "esm-only",
          "--no-definitely-typed",
          "--exclude-entrypoints",
          ...SHIPPED_SPECS.filter((spec) => spec.format === "yaml").map((spec) =>
            shippedSpecExport(spec.version, spec.format),
          ),
          "--format",
          "json",
        ],
        { cwd: work },
      ),
    ]);
    expect(publint.stdout + publint.stderr).toContain("All good!");
    expect(publint.code).toBe(0);
    const report = JSON.parse(attw.stdout) as { problems: Record<string, { resolutionKind?: string }[]> };
    // The ESM-only profile ignores node10 and node16-cjs: a `require` of an ESM-only package is expected there.
    const counted = Object.values(report.problems)
      .flat()
      .filter((problem) => problem.resolutionKind !== "node10" && problem.resolutionKind !== "node16-cjs");
    expect(counted).toEqual([]);
    expect(attw.code).toBe(0);
  }, 60_000);
});

describe("a consumer that installs the tarball", () => {
  it("sees no EBADENGINE warning, and every runtime dependency accepts Node 20.19, 22.12 and 24", () => {
    expect(install.stdout + install.stderr).not.toContain("EBADENGINE");
    const engines = runtimeDependencyEngines(installed);
    expect([...engines.keys()]).toContain(`${PACKAGE}@${REPO_MANIFEST.version}`);
    const refusing = [...engines].flatMap(([name, range]) =>
      NODE_LINE_FLOORS.filter((version) => range !== undefined && !semver.satisfies(version, range)).map(
        (version) => `${name} refuses ${version}`,
      ),
    );
    expect(refusing).toEqual([]);
  });

  it("type-checks the README's usage example and the type negatives, strict with skipLibCheck off, under module nodenext", async () => {
    const result = await typeChecks.nodenext;
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);

  it("type-checks the README's usage example and the type negatives, strict with skipLibCheck off, under moduleResolution bundler", async () => {
    const result = await typeChecks.bundler;
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);

  it("reads every page, a log and a 404 from a local server with the installed client", async () => {
    const seen = await useClient(process.execPath);
    const recorded = loadFixtureSet("clean").pages.flatMap((page) => (page.body.data ?? []) as { id: string }[]);
    expect(seen.version).toBe(REPO_MANIFEST.version);
    expect([...seen.ids].sort()).toEqual(recorded.map((log) => log.id).sort());
    expect(seen.discarded).toBe(recorded.filter((log) => "discarded_at" in log).length);
    expect(seen.firstId).toBe(seen.ids[0]);
    expect(seen.firstViolations).toEqual([]);
    expect(seen.notFound).toEqual({ status: 404, isApiError: true, instanceOfApiError: true });
    expect(seen.rawStatus).toBe(200);
  }, 30_000);

  it("resolves every shipped spec and schema file through `exports`, with import.meta.resolve and require.resolve, to the installed file", async () => {
    const subpaths = [
      ...SHIPPED_SPECS.map((spec) => spec.subpath),
      ...SHIPPED_SCHEMAS.map((path) => `${PACKAGE}/${path}`),
    ];
    const result = await runNode(["resolve-files.mjs", ...subpaths], { cwd: consumer });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const files = [...SHIPPED_SPECS.map((spec) => spec.file), ...SHIPPED_SCHEMAS];
    const expected = Object.fromEntries(
      subpaths.map((subpath, i) => [
        subpath,
        { import: join(installed, files[i]!), require: join(installed, files[i]!) },
      ]),
    );
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });

  it("ships spec files that parse and equal the bundle, and schema files equal to the repository's", () => {
    for (const { version, format, file } of SHIPPED_SPECS) {
      const text = readFileSync(join(installed, file), "utf8");
      const doc = format === "json" ? JSON.parse(text) : parseYaml(text);
      expect(doc, file).toEqual(version === "3.1" ? bundle.doc31 : bundle.doc30);
    }
    for (const path of SHIPPED_SCHEMAS)
      expect(readFileSync(join(installed, path), "utf8"), path).toBe(readFileSync(join(REPO_ROOT, path), "utf8"));
  });

  it("prints each shipped spec file with the installed `video-logs spec`", async () => {
    for (const { version, format, file } of SHIPPED_SPECS) {
      const result = await cli(["spec", "--openapi", version, "--format", format]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout, file).toBe(readFileSync(join(installed, file), "utf8"));
    }
  }, 60_000);

  it("loads it with require from CommonJS", async () => {
    expect(await requireClient(process.execPath)).toEqual({
      version: REPO_MANIFEST.version,
      baseUrl: "http://127.0.0.1:8080",
      notALog: true,
    });
  });

  it.for(OTHER_NODE_LINES)(
    "gives the same client run and require on Node %s",
    { timeout: 30_000 },
    async ([major, variable], ctx) => {
      const nodeBin = needNode(variable, ctx);
      const version = await runProcess(nodeBin, ["--version"], { cwd: consumer });
      expect(version.stdout).toMatch(new RegExp(`^v${major}\\.`));
      expect(await useClient(nodeBin)).toEqual(await useClient(process.execPath));
      expect(await requireClient(nodeBin)).toEqual(await requireClient(process.execPath));
    },
  );

  it("runs `video-logs check` against a faithful stand-in space without Prism installed", async () => {
    expect(existsSync(join(consumer, "node_modules/@stoplight/prism-cli"))).toBe(false);
    // Every check runs: the stand-in space honours every parameter, as the replay server's recordings cannot.
    const space = await startStandInSpace();
    try {
      const result = await cli(["check", "--base-url", space.url, "--format", "json"], {
        SIGNALWIRE_PROJECT_ID: standIn.PROJECT_ID,
        SIGNALWIRE_API_TOKEN: standIn.API_TOKEN,
      });
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as DriftReport;
      expect(report.summary).toMatchObject({ breaking: 0, additive: 0, errors: 0 });
      expect(report.summary.passed).toBe(report.summary.requests);
      expect(result.stdout + result.stderr).not.toContain(standIn.API_TOKEN);
    } finally {
      await space.close();
    }
  }, 60_000);

  it("judges a recording with `video-logs check --har` with only the runtime dependencies, har-schema compiled in", async () => {
    expect(existsSync(join(consumer, "node_modules/har-schema"))).toBe(false);
    const entry = {
      url: `https://example.signalwire.com/api/video/logs/${standIn.completedLog.id}`,
      json: standIn.completedLog,
    };
    const valid = await cli(["check", "--har", writeHar(work, "valid.har", harRecording([entry]))]);
    expect(valid.stderr).toBe("");
    expect(valid.code).toBe(0);
    const notHar = {
      log: {
        version: "1.2",
        creator: { name: "test", version: "1" },
        entries: [{ ...harEntry(entry), response: { ...(harEntry(entry).response as object), status: "200" } }],
      },
    };
    const file = writeHar(work, "not-har.har", notHar);
    const refused = await cli(["check", "--har", file]);
    expect(refused.stderr).toBe(
      `video-logs: The recording ${file} is not a HAR 1.2 log: at /log/entries/0/response/status, must be integer\n`,
    );
    expect(refused.code).toBe(2);
  }, 60_000);

  it("judges traffic with the installed `video-logs proxy`, its judging thread shipped with it", async () => {
    const space = await startStandInSpace();
    const report = join(work, "proxy-drift.json");
    const proxy = spawn(
      join(consumer, "node_modules/.bin/video-logs"),
      ["proxy", "--upstream", space.url, "--report", `json=${report}`],
      { cwd: consumer, env: consumerEnv(), stdio: ["ignore", "ignore", "pipe"] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = "";
        proxy.stderr.setEncoding("utf8").on("data", (text: string) => {
          stderr += text;
          const listening = /listening on (http:\S+) ->/.exec(stderr);
          if (listening) resolve(listening[1]!);
        });
        proxy.on("exit", () => reject(new Error(`the proxy ended: ${stderr}`)));
      });
      const basic = `Basic ${Buffer.from(`${standIn.PROJECT_ID}:${standIn.API_TOKEN}`).toString("base64")}`;
      const answer = await fetch(`${url}/api/video/logs?page_size=5`, { headers: { authorization: basic } });
      expect(answer.status).toBe(200);
      await answer.arrayBuffer();
      const exited = once(proxy, "exit");
      proxy.kill("SIGTERM");
      expect((await exited)[0]).toBe(0);
      const written = JSON.parse(readFileSync(report, "utf8")) as DriftReport;
      expect(written.summary).toEqual({ requests: 1, checked: 1, passed: 1, breaking: 0, additive: 0, errors: 0 });
    } finally {
      proxy.kill("SIGKILL");
      await space.close();
    }
  }, 60_000);

  it.each([
    ["check", []],
    ["mock", []],
  ])(
    "exits 2 from `video-logs %s` without Prism, naming the install command and printing no stack trace",
    async (command, args) => {
      expect(existsSync(join(consumer, "node_modules/@stoplight/prism-cli"))).toBe(false);
      const result = await cli([command, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(PRISM_INSTALL_COMMAND);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout).toBe("");
      // Our own line breaks stay line breaks; only text from elsewhere is escaped.
      expect(result.stderr).not.toContain("\\n");
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines[0]).toBe(`video-logs: ${new PrismNotInstalledError().message}`);
      if (command === "check")
        expect(lines[1]).toBe("Or name a target to check: --base-url, --space or SIGNALWIRE_SPACE.");
    },
    30_000,
  );
});
