// `npm run test:mutation [-- --full] [--group NAME ...] [--if-ready]`: Stryker over each module group of
// scripts/lib/mutation-groups.mjs in turn, each group's mutants run against the tests that reach its modules
// (scripts/lib/mutation-tests.mjs); then the groups' reports merged into reports/mutation/mutation.json and each
// group's score checked (scripts/mutation-score.ts). Stryker's command line needs Node 22 or later: it runs on
// NODE24_BIN when set, else on the node running this script or the PATH's, whichever is 22 or later first.
// - default: incremental, from the committed stryker-incremental/GROUP.json: only mutants whose code or tests changed
//   run again (a group without its file runs whole, and writes it).
// - --full: every mutant again (Stryker's --force), and the incremental files rewritten.
// - --group NAME: only that group (repeatable); the table then shows only the groups that ran.
// - --mutate GLOB (Stryker's own, one comma-separated value): only those files of each group run, kept in a scratch
//   incremental file, never the committed one.
// - --if-ready: only the groups that have their incremental file, naming the others (CI runs it this way: a group's
//   first, whole run takes too long for its budget).
// Any other argument goes to `stryker run` as it is.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname } from "node:path";
import { MUTATION_GROUPS } from "./lib/mutation-groups.mjs";
import { groupSlug } from "./lib/mutation-tests.mjs";

const MIN_MAJOR = 22;
const MERGED_REPORT = "reports/mutation/mutation.json";

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

/** The groups asked for with --group, in the groups file's order; all of them without it. */
function chosenGroups(args: string[]): { groups: string[]; rest: string[] } {
  const asked: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--group") asked.push(args[++i] ?? "");
    else rest.push(args[i]!);
  }
  const unknown = asked.filter((group) => !(group in MUTATION_GROUPS));
  if (unknown.length > 0) {
    console.error(
      `test:mutation: no group ${unknown.map((g) => JSON.stringify(g)).join(", ")}; the groups: ${Object.keys(MUTATION_GROUPS).join(", ")}`,
    );
    process.exit(2);
  }
  const all = Object.keys(MUTATION_GROUPS);
  return { groups: asked.length > 0 ? all.filter((group) => asked.includes(group)) : all, rest };
}

/** Stryker's JSON reports of the groups as one: their files and test files side by side. */
function mergeReports(files: string[]): unknown {
  const reports = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
  const union = (key: string) => Object.assign({}, ...reports.map((report) => report[key] ?? {}));
  return { ...reports[0], files: union("files"), testFiles: union("testFiles") };
}

const args = process.argv.slice(2);
const full = args.includes("--full");
const ifReady = args.includes("--if-ready");
const chosen = chosenGroups(args.filter((arg) => arg !== "--full" && arg !== "--if-ready"));
const { rest } = chosen;
const incrementalFile = (group: string) => `stryker-incremental/${groupSlug(group)}.json`;
const someFiles = rest.includes("--mutate") || rest.includes("-m");
const missing = chosen.groups.filter((group) => !existsSync(incrementalFile(group)));
if (ifReady && missing.length > 0)
  console.log(`test:mutation: not run for ${missing.join(", ")}: no incremental file yet (docs/contributing.md)`);
const groups = ifReady ? chosen.groups.filter((group) => !missing.includes(group)) : chosen.groups;
if (groups.length === 0) process.exit(0);
const node = pickNode();
const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ""}` };
mkdirSync("stryker-incremental", { recursive: true });
for (const group of groups) {
  const started = performance.now();
  const stryker = spawnSync(
    node,
    [
      "node_modules/@stryker-mutator/core/bin/stryker.js",
      "run",
      ...rest,
      "--incremental",
      ...(full ? ["--force"] : []),
      ...(someFiles ? ["--incrementalFile", `reports/mutation/partial-${groupSlug(group)}.json`] : []),
    ],
    { stdio: "inherit", env: { ...env, MUTATION_GROUP: group } },
  );
  console.log(`Stryker, ${group}: ${((performance.now() - started) / 1000).toFixed(0)} s on Node ${majorOf(node)}`);
  if (stryker.status !== 0) process.exit(stryker.status ?? 1);
}
mkdirSync(dirname(MERGED_REPORT), { recursive: true });
const merged = mergeReports(groups.map((group) => `reports/mutation/${groupSlug(group)}.json`));
writeFileSync(MERGED_REPORT, JSON.stringify(merged));
const partial = someFiles || groups.length < Object.keys(MUTATION_GROUPS).length;
const score = spawnSync(
  process.execPath,
  [...process.execArgv, "scripts/mutation-score.ts", "--report", MERGED_REPORT, ...(partial ? ["--only-run"] : [])],
  { stdio: "inherit" },
);
process.exit(score.status ?? 1);
