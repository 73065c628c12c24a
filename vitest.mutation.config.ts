import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

// The tests Stryker runs (stryker.config.mjs): the unit and unit-isolated projects, the in-process ones. Contract tests
// need Prism, and heavy ones run the build or other toolchains. Left out too: the files that run the built CLI (it
// judges dist/, never the mutated src/; what they assert is asserted in process too) or start Prism (its start is
// CPU-bound and timed), which are most of the time.
const MUTATION_PROJECTS = new Set(["unit", "unit-isolated"]);
const OUT_OF_PROCESS = /\b(?:runBin|runNode|assertBuilt|startPrismMock)\(/;

const filesOutOfProcess = (readdirSync("test", { recursive: true, encoding: "utf8" }) as string[])
  .filter((file) => file.endsWith(".test.ts") && OUT_OF_PROCESS.test(readFileSync(join("test", file), "utf8")))
  .map((file) => join("test", file).split("\\").join("/"));

const projects = (base.test?.projects ?? []).flatMap((project) =>
  typeof project === "object" && "test" in project && MUTATION_PROJECTS.has(project.test?.name as string)
    ? [
        {
          ...project,
          test: {
            ...project.test,
            exclude: [...(project.test?.exclude ?? []), ...filesOutOfProcess],
            // Each file isolated: with files sharing a worker, per-test coverage named the wrong tests, and a mutant the
            // redactor's own tests kill in a plain run was reported as surviving.
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
