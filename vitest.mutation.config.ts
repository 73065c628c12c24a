import { defineConfig, mergeConfig } from "vitest/config";
import { allTestFiles, groupTestFiles, inProcessTestFiles } from "./scripts/lib/mutation-tests.mjs";
import base from "./vitest.config.ts";

// The tests Stryker runs (stryker.config.mjs): the in-process files of the unit and unit-isolated projects. Contract
// tests need Prism, and heavy ones run the build or other toolchains. Left out too: the files that run the built CLI (it
// judges dist/, never the mutated src/; what they assert is asserted in process too) or start Prism (its start is
// CPU-bound and timed), which are most of the time. With MUTATION_GROUP set (scripts/mutation.ts runs one group at a
// time), only the files that reach that group's modules (scripts/lib/mutation-tests.mjs).
const MUTATION_PROJECTS = new Set(["unit", "unit-isolated"]);
const group = process.env.MUTATION_GROUP;
const kept = new Set(group ? groupTestFiles(process.cwd(), group) : inProcessTestFiles(process.cwd()));
const left = allTestFiles(process.cwd()).filter((file) => !kept.has(file));

const projects = (base.test?.projects ?? []).flatMap((project) =>
  typeof project === "object" && "test" in project && MUTATION_PROJECTS.has(project.test?.name as string)
    ? [
        {
          ...project,
          test: {
            ...project.test,
            exclude: [...(project.test?.exclude ?? []), ...left],
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
