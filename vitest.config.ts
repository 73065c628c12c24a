import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

// Four projects:
//   unit           test/**  — no Prism; a worker's files share its imports (isolate: false)
//   unit-isolated  the test/** files that change @hyperjump/json-schema's process-wide state, each file on its own;
//                  they and `heavy` read the spec bundled once per run (test/setup/bundle-once.ts)
//   contract       contract-tests/**  — gets two Prism mocks from contract-tests/global-setup.ts
//   heavy          the suites that run the generator, the build or tsc on a scratch copy, pack and install the
//                  package, or need Go, Python, Chromium or a second Node line, and the docs' suites (the API
//                  reference page, the CI recipes and sample reports run with the built CLI)
// `npm test` runs unit, unit-isolated and contract; `npm run test:heavy` runs heavy. The *.test-d.ts type tests are
// compiled by `npm run typecheck` (tsc --noEmit over test/ too), so vitest does not type-check them a second time.
const HEAVY = [
  "test/package/consumer.test.ts",
  "test/other-languages/**/*.test.ts",
  "test/docs/**/*.test.ts",
  "test/spec/generated-files-gate.test.ts",
  "test/core/new-resource-needs-no-code.test.ts",
  "test/check/har/large-recording.test.ts",
  "test/proxy/proxy-memory.test.ts",
];
// Its format registry (filled by importing `@hyperjump/json-schema/formats`) and its format flag outlive a file:
// shared with the next file in a worker, they turned one file's meta-schema check red, depending on the order.
const ISOLATED = [
  "test/bundle/**/*.test.ts",
  "test/cross-validator/**/*.test.ts",
  "test/spec/document-is-valid-openapi.test.ts",
];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, where it serialises suites
    // that mostly wait on child processes, servers and timers. One worker per core, and at least two.
    maxWorkers: Math.max(2, availableParallelism()),
    // Vitest's 5 s default failed CPU-bound property tests on a loaded 2-core machine; nothing here waits on a timer
    // (clocks are injected), so a test that needs longer than this is stuck, not slow.
    testTimeout: 30_000,
    // Property tests are seeded (test/helpers/seed.ts): none fails by chance, and VIDEO_LOGS_TEST_SEED draws others.
    setupFiles: ["test/setup/seed-fast-check.ts"],
    reporters: ["default", "./test/setup/project-times.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...HEAVY, ...ISOLATED],
          // A worker imports src/ once for all the files it runs, not once per file: about a fifth of the CPU time.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "unit-isolated",
          include: ISOLATED,
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
