// `npm run test:mutation [-- --full | --mutate GLOB ...]`: Stryker over the groups of scripts/lib/mutation-groups.mjs,
// then each group's score (scripts/mutation-score.ts). Stryker's command line needs Node 22 or later: it runs on
// NODE24_BIN when set, else on the node running this script or the PATH's, whichever is 22 or later first.
// - default: incremental, from the committed stryker-incremental.json: only mutants whose code or tests changed run.
// - --full: every mutant again (Stryker's --force), and the incremental file rewritten.
// - --mutate GLOB: only those files, with a scratch incremental file; the table shows only the groups that ran.
// Any other argument goes to `stryker run` as it is.
import { spawnSync } from "node:child_process";
import { delimiter, dirname } from "node:path";

const MIN_MAJOR = 22;

function majorOf(node: string): number | undefined {
  const run = spawnSync(node, ["--version"], { encoding: "utf8" });
  const match = /^v(\d+)\./.exec(run.stdout ?? "");
  return match ? Number(match[1]) : undefined;
}

function pickNode(): string {
  const candidates = [process.env.NODE24_BIN, process.execPath, "node"].filter((c): c is string => Boolean(c));
  const seen = candidates.map((node) => ({ node, major: majorOf(node) }));
  const fit = seen.find(({ major }) => major !== undefined && major >= MIN_MAJOR);
  if (fit) return fit.node;
  const found = seen.map(({ node, major }) => `${node}: ${major === undefined ? "does not run" : `v${major}`}`);
  console.error(
    `test:mutation: Stryker needs Node ${MIN_MAJOR} or later; set NODE24_BIN to a Node 24 executable or put one first on PATH (${found.join("; ")})`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const full = args.includes("--full");
const partial = args.includes("--mutate") || args.includes("-m");
const strykerArgs = [
  ...args.filter((arg) => arg !== "--full"),
  "--incremental",
  ...(full ? ["--force"] : []),
  ...(partial ? ["--incrementalFile", "reports/mutation/partial-incremental.json"] : []),
];
const node = pickNode();
const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ""}` };
const started = performance.now();
const stryker = spawnSync(node, ["node_modules/@stryker-mutator/core/bin/stryker.js", "run", ...strykerArgs], {
  stdio: "inherit",
  env,
});
console.log(`Stryker: ${((performance.now() - started) / 1000).toFixed(0)} s on Node ${majorOf(node)}`);
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const score = spawnSync(
  process.execPath,
  [...process.execArgv, "scripts/mutation-score.ts", ...(partial ? ["--only-run"] : [])],
  { stdio: "inherit" },
);
process.exit(score.status ?? 1);
