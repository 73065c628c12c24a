import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

// Three projects:
//   unit      test/**  — no Prism; the spec bundled once per run (test/setup/bundle-once.ts)
//   contract  contract-tests/**  — gets two Prism mocks from contract-tests/global-setup.ts
//   heavy     the suites that run the generator, the build or tsc on a scratch copy, pack and install the package,
//             or need Go, Python, Chromium or a second Node line
// `npm test` runs unit and contract; `npm run test:heavy` runs heavy. The *.test-d.ts type tests are compiled by
// `npm run typecheck` (tsc --noEmit over test/ too), so vitest does not type-check them a second time.
const HEAVY = [
  "test/package/consumer.test.ts",
  "test/other-languages/**/*.test.ts",
  "test/docs/**/*.test.ts",
  "test/spec/generated-files-gate.test.ts",
  "test/core/new-resource-needs-no-code.test.ts",
];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, where it serialises suites
    // that mostly wait on child processes, servers and timers. One worker per core, and at least two.
    maxWorkers: Math.max(2, availableParallelism()),
    // Files stay isolated (each imports src/ afresh): sharing a worker's imports saved about a fifth of the CPU time, but
    // a library's global state then leaks between files (@hyperjump/json-schema's formats, registered by one file's
    // import, broke another file's meta-schema check, depending on the order).
    reporters: ["default", "./test/setup/project-times.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...HEAVY],
          globalSetup: ["test/setup/bundle-once.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          globalSetup: ["contract-tests/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "heavy",
          include: HEAVY,
          globalSetup: ["test/setup/bundle-once.ts"],
        },
      },
    ],
  },
});
