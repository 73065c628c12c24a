import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GO_PACKAGE,
  generateModels,
  type ModelExample,
  type ModelFiles,
  modelExamples,
  PYTHON_MODULE,
} from "../../scripts/lib/models.ts";
import { loadSpec } from "../../src/openapi/load-spec.ts";
import { responseSchemas } from "../../src/openapi/response-schemas.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";
import { needToolchain, runs } from "./toolchain.ts";

const HARNESS = fileURLToPath(new URL("./harness/", import.meta.url));

interface HarnessResult {
  label: string;
  parsed: boolean;
  round_trip: boolean;
  error: string | null;
}

/** Bodies that contradict the spec in ways both languages' parsers check: they must be refused. */
const MISFITS: ModelExample[] = [
  { label: "canary: charge as text", model: "VideoLog", body: { id: "x", created_at: "t", charge: "free" } },
  { label: "canary: data not a list", model: "ListLogsPage", body: { links: { self: "s", first: "f" }, data: {} } },
];

/** A body with a field no model has: it parses, but the round trip must notice the field went missing. */
const LOSSY: ModelExample = {
  label: "canary: unknown field",
  model: "VideoLog",
  body: { id: "x", created_at: "t", discarded_at: "t", surprise: 1 },
};
const EXTRA_CASES = [...MISFITS, LOSSY];

function parseHarnessOutput(run: ReturnType<typeof spawnSync>, what: string): HarnessResult[] {
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${what} harness exited with ${run.status}:\n${run.stderr}\n${run.stdout}`);
  return JSON.parse(String(run.stdout)) as HarnessResult[];
}

/** Every example is parsed and survives the round trip; every misfit is refused; the lossy body is caught. */
function expectVerdicts(results: HarnessResult[], examples: ModelExample[]): void {
  expect(results.map((r) => r.label)).toEqual([...examples, ...EXTRA_CASES].map((c) => c.label));
  const byLabel = new Map(results.map((r) => [r.label, r]));
  for (const example of examples) {
    expect(byLabel.get(example.label), example.label).toMatchObject({ parsed: true, round_trip: true, error: null });
  }
  for (const misfit of MISFITS) expect(byLabel.get(misfit.label)?.parsed, misfit.label).toBe(false);
  expect(byLabel.get(LOSSY.label)).toMatchObject({ parsed: true, round_trip: false });
}

let dir: string;
let models: ModelFiles;
let examples: ModelExample[];
let casesFile: string;
const noPython = runs("python3", ["--version"])
  ? undefined
  : "python3 is not installed (Debian: apt-get install python3)";
const noGo = runs("go", ["version"]) ? undefined : "go is not installed (Debian: apt-get install golang-go)";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "video-logs-models-"));
  const { doc31 } = await sharedBundle();
  models = await generateModels(doc31, join(dir, "models"));
  examples = modelExamples(doc31);
  casesFile = join(dir, "cases.json");
  await writeFile(casesFile, JSON.stringify([...examples, ...EXTRA_CASES]));
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("models generated for other languages", () => {
  it("cover every response body of the spec, and every example of the spec is handed to them", () => {
    const declared = responseSchemas(loadSpec());
    expect(new Set(models.topLevels)).toEqual(
      new Set([
        "VideoLog",
        "ListLogsPage",
        "BadRequestError",
        "UnauthorizedError",
        "ForbiddenError",
        "NotFoundError",
        "ValidationErrorResponse",
        "InternalServerError",
      ]),
    );
    expect(examples.length).toBe(declared.reduce((n, r) => n + Object.keys(r.examples).length, 0));
    expect(examples.map((e) => e.label)).toContain("get_log 200 in_progress_log");
  });

  it("in Python parse every example response and give it back unchanged, and refuse misfits", {
    timeout: 20_000,
  }, (ctx) => {
    needToolchain(ctx, noPython);
    const run = spawnSync(
      "python3",
      ["-I", join(HARNESS, "parse_examples.py"), join(dir, "models", "python"), PYTHON_MODULE, casesFile],
      { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" }, timeout: 15_000 },
    );
    expectVerdicts(parseHarnessOutput(run, "Python"), examples);
  });

  it("in Go parse every example response and give it back unchanged, and refuse misfits", {
    timeout: 60_000,
  }, async (ctx) => {
    needToolchain(ctx, noGo);
    const module = join(dir, "go-harness");
    await mkdir(join(module, GO_PACKAGE), { recursive: true });
    await cp(models.go, join(module, GO_PACKAGE, "models.go"));
    await cp(join(HARNESS, "go", "main.go"), join(module, "main.go"));
    await writeFile(join(module, "go.mod"), "module harness\n\ngo 1.18\n");
    // One registry entry per generated model: parse with Unmarshal<Model>, marshal back with its Marshal method.
    const entries = models.topLevels.map(
      (name) =>
        `\tmodels[${JSON.stringify(name)}] = func(raw []byte) ([]byte, error) {\n` +
        `\t\tvalue, err := ${GO_PACKAGE}.Unmarshal${name}(raw)\n\t\tif err != nil {\n\t\t\treturn nil, err\n\t\t}\n` +
        `\t\treturn value.Marshal()\n\t}\n`,
    );
    await writeFile(
      join(module, "registry.go"),
      `package main\n\nimport "harness/${GO_PACKAGE}"\n\nfunc init() {\n${entries.join("")}}\n`,
    );
    const run = spawnSync("go", ["run", ".", casesFile], {
      cwd: module,
      encoding: "utf8",
      timeout: 55_000,
      env: {
        ...process.env,
        // Standard library only: no module downloads, no toolchain downloads, a throwaway build cache.
        GOFLAGS: "-mod=mod",
        GOPROXY: "off",
        GOTOOLCHAIN: "local",
        GOCACHE: join(dir, "go-cache"),
        GOPATH: join(dir, "go-path"),
        GOTELEMETRY: "off",
      },
    });
    expectVerdicts(parseHarnessOutput(run, "Go"), examples);
  });
});
