import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BundleResult } from "../../scripts/lib/bundle.ts";
import { type PrismServer, startPrismMock } from "../../src/mock/start-prism.ts";
import type { OperationId } from "../../src/operations/operation-table.ts";
import { validateResponse } from "../../src/validation/validate-response.ts";
import { sharedBundle } from "../helpers/shared-bundle.ts";
import { generatorNode, needToolchain } from "./toolchain.ts";

// Two TypeScript SDK generators consumers really use, fed our 3.1 bundle as `npm run bundle` writes it. For each: the
// generator runs under Node >= 22.18 (NODE24_BIN), a small consumer (harness/typescript/) is compiled together with
// the generated code under strict settings, and its calls run against a Prism mock of the same bundle; every body
// they get back must satisfy our own validator.

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const HARNESS = fileURLToPath(new URL("./harness/typescript/", import.meta.url));
const TSC = join(REPO, "node_modules/typescript/bin/tsc");

interface Generator {
  /** The npm package, as the test names it. */
  name: string;
  /** The consumer written against its output, in harness/typescript/. */
  consumer: string;
  /** The `lib` its output needs in a consumer's tsconfig. */
  lib: string[];
  /** Writes whatever configuration it needs into `project` and returns the generator's arguments (after `node`). */
  command(bundle: string, project: string): Promise<string[]>;
}

const GENERATORS: Generator[] = [
  {
    name: "@hey-api/openapi-ts",
    consumer: "hey-api-consumer.ts",
    // Its fetch client names DOM types (`BodyInit`) that @types/node does not declare.
    lib: ["ES2023", "DOM"],
    command: async (bundle, project) => [
      join(REPO, "node_modules/@hey-api/openapi-ts/bin/run.js"),
      ...["--input", bundle, "--output", join(project, "client"), "--client", "@hey-api/client-fetch"],
      ...["--no-log-file", "--silent"],
    ],
  },
  {
    name: "orval",
    consumer: "orval-consumer.ts",
    lib: ["ES2023"],
    command: async (bundle, project) => {
      // The fetch client needs a base URL; `runtime` makes the generated code read it when called, not when generated.
      const config = join(project, "orval.config.mjs");
      const options = {
        videoLogs: {
          input: { target: bundle },
          output: {
            target: join(project, "client", "video-logs.ts"),
            client: "fetch",
            mode: "single",
            baseUrl: { runtime: "process.env.VIDEO_LOGS_BASE_URL" },
          },
        },
      };
      await writeFile(config, `export default ${JSON.stringify(options, null, 2)};\n`);
      return [join(REPO, "node_modules/orval/dist/bin/orval.mjs"), "--config", config, "--fail-on-warnings"];
    },
  },
];

/** As strict as our own tsconfig. The generated code is .ts, so skipLibCheck spares only @types/node, not the client. */
function strictTsconfig(lib: string[]): object {
  return {
    compilerOptions: {
      target: "ES2022",
      lib,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      types: ["node"],
      typeRoots: [join(REPO, "node_modules/@types")],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      useUnknownInCatchVariables: true,
      isolatedModules: true,
      skipLibCheck: true,
      outDir: "out",
      rootDir: ".",
    },
    include: ["*.ts", "client/**/*.ts"],
  };
}

interface CallResult {
  operationId: OperationId;
  status: number | undefined;
  body: unknown;
  ids?: string[];
}

function mustRun(what: string, command: string, args: string[], options: Parameters<typeof spawnSync>[2]): string {
  const run = spawnSync(command, args, { encoding: "utf8", timeout: 60_000, ...options });
  if (run.error) throw new Error(`${what} could not run: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${what} exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
  return String(run.stdout);
}

let dir: string;
let bundle: BundleResult;
let prism: Promise<PrismServer> | undefined;
const toolchain = generatorNode();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "video-logs-ts-generators-"));
  bundle = await sharedBundle();
}, 30_000);

afterAll(async () => {
  await (await prism?.catch(() => undefined))?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("TypeScript SDK generators fed the 3.1 bundle", () => {
  it.for(GENERATORS)(
    "$name generates a client that type-checks strictly and whose calls against the Prism mock return bodies our validator accepts",
    { timeout: 90_000 },
    async (generator, ctx) => {
      needToolchain(ctx, toolchain.missing);
      const node = toolchain.node!;
      prism ??= startPrismMock({ specPath: bundle.openapi31 });
      const project = join(dir, generator.name.replace(/\W+/g, "-"));
      await mkdir(project, { recursive: true });

      mustRun(`${generator.name} (generate)`, node, await generator.command(bundle.openapi31, project), {
        cwd: project,
      });

      await copyFile(join(HARNESS, generator.consumer), join(project, "consumer.ts"));
      await writeFile(join(project, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
      await writeFile(join(project, "tsconfig.json"), `${JSON.stringify(strictTsconfig(generator.lib), null, 2)}\n`);
      mustRun(`tsc on ${generator.name}'s client`, process.execPath, [TSC, "-p", project], { cwd: project });

      const { url } = await prism;
      const stdout = mustRun(
        `the consumer of ${generator.name}'s client`,
        node,
        [join(project, "out", "consumer.js")],
        {
          cwd: project,
          env: { ...process.env, VIDEO_LOGS_BASE_URL: url },
        },
      );
      const calls = JSON.parse(stdout) as CallResult[];

      expect(calls.map((call) => call.operationId)).toEqual(["get_log", "list_logs"]);
      for (const call of calls) {
        // Prism answers 422 when the generated request breaks the spec (a malformed id, a badly serialised query).
        expect(call.status, `${call.operationId}: ${JSON.stringify(call.body)}`).toBe(200);
        expect(validateResponse(call.operationId, 200, call.body), call.operationId).toEqual([]);
      }
      // The typed page was read through the generated types, not just passed along.
      expect(calls[1]?.ids?.length).toBeGreaterThan(0);
    },
  );
});
