import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

// The tests Stryker runs (stryker.config.mjs): the unit and unit-isolated projects, the in-process ones. Contract tests
// need Prism, and heavy ones run the build or other toolchains. Left out too: the files that run the built CLI, which
// judges dist/, never the mutated src/ (what they assert is asserted in process too), and which are most of the time.
// Every file isolated: Stryker's setup file (which names the running test for per-test coverage) registers its hooks
// once per import, so in a worker shared by files only the first file's tests would be named; the others' coverage
// counted as "static" (outside any test), and each such mutant would rerun every test.
const MUTATION_PROJECTS = new Set(["unit", "unit-isolated"]);
const RUNS_BUILT_CLI = /\b(?:runBin|runNode|assertBuilt)\(/;

const filesRunningBuiltCli = (readdirSync("test", { recursive: true, encoding: "utf8" }) as string[])
  .filter((file) => file.endsWith(".test.ts") && RUNS_BUILT_CLI.test(readFileSync(join("test", file), "utf8")))
  .map((file) => join("test", file).split("\\").join("/"));

const projects = (base.test?.projects ?? []).flatMap((project) =>
  typeof project === "object" && "test" in project && MUTATION_PROJECTS.has(project.test?.name as string)
    ? [
        {
          ...project,
          test: {
            ...project.test,
            exclude: [...(project.test?.exclude ?? []), ...filesRunningBuiltCli],
            isolate: true,
          },
        },
      ]
    : [],
);

// Instrumented code counts coverage at every branch: several times slower than the suite's own run, so a test gets
// six times the suite's 30 s before it is called stuck.
export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({ test: { projects, testTimeout: 180_000 } }),
);
