// Mutation testing (docs/contributing.md, "Mutation testing"): the modules that judge a response and keep secrets out
// of what is written. `npm run test:mutation` runs it (scripts/mutation.ts picks a Node >= 22), one group at a time:
// MUTATION_GROUP names the group, whose files are mutated, whose tests run (vitest.mutation.config.ts) and whose
// results are kept in stryker-incremental/GROUP.json. The score per group is checked by scripts/mutation-score.ts
// against the equivalent mutants listed in stryker-equivalent.json.
import { lstatSync, realpathSync } from "node:fs";
import { MUTATION_GROUPS } from "./scripts/lib/mutation-groups.mjs";
import { groupSlug } from "./scripts/lib/mutation-tests.mjs";

const group = process.env.MUTATION_GROUP;
if (group !== undefined && !MUTATION_GROUPS[group]) throw new Error(`MUTATION_GROUP: no group ${JSON.stringify(group)}`);
const slug = group === undefined ? "all" : groupSlug(group);

// Stryker links node_modules into its sandbox only when it is a directory; a worktree's may be a symbolic link.
const linkedNodeModules = lstatSync("node_modules").isSymbolicLink();

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  // Most of these functions also run outside any test (a module-level redactor, a client built in beforeAll), which
  // makes Stryker call their mutants static and run every test for each. With ignoreStatic, a mutant some test covers
  // runs those tests, active at run time; only a mutant no test covers, run at import alone (a module-level constant),
  // is left out (Ignored: counted in no score). `npm run test:mutation -- --full --ignoreStatic false` runs those too.
  ignoreStatic: true,
  // The machine has 2 cores; a loaded one, so timeouts are generous.
  concurrency: 2,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  mutate: group === undefined ? Object.values(MUTATION_GROUPS).flat() : MUTATION_GROUPS[group],
  reporters: ["json", "html", "clear-text", "progress"],
  htmlReporter: { fileName: `reports/mutation/${slug}.html` },
  jsonReporter: { fileName: `reports/mutation/${slug}.json` },
  // Committed: a rerun with --incremental tests again only the mutants whose code or tests changed.
  incrementalFile: `stryker-incremental/${slug}.json`,
  // The score per group is judged by scripts/mutation-score.ts, not by Stryker's single threshold.
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ["/dist", "/coverage", "/.ci/node-lines", "/bench"],
  tempDirName: ".stryker-tmp",
  ...(linkedNodeModules && { buildCommand: `node scripts/lib/link-node-modules.mjs ${realpathSync("node_modules")}` }),
  cleanTempDir: "always",
};
