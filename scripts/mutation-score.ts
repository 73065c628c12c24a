// `tsx scripts/mutation-score.ts [--report FILE] [--equivalent FILE] [--only-run]`: each module group's mutation score
// from Stryker's JSON report, as a table; exits 1 when a group is under 90%, has no mutant in the report (unless
// --only-run: a run limited by --mutate), or an equivalent mutant listed no longer survives. Exits 2 on a missing or
// malformed file.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { MUTATION_GROUPS } from "./lib/mutation-groups.mjs";
import { type EquivalentMutant, formatScores, type MutationReport, scoreGroups } from "./lib/mutation-score.ts";

export const MINIMUM_SCORE = 90;

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`mutation-score: cannot read ${what} ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
}

const FIELDS = { file: "string", line: "number", mutator: "string", replacement: "string", reason: "string" } as const;

function equivalentsFrom(value: unknown, file: string): EquivalentMutant[] {
  const entries = (value as { mutants?: unknown })?.mutants;
  const bad = Array.isArray(entries)
    ? entries.findIndex((e) => Object.entries(FIELDS).some(([key, type]) => typeof e?.[key] !== type))
    : 0;
  if (bad >= 0) {
    console.error(`mutation-score: ${file}: mutants[${bad}] needs ${Object.keys(FIELDS).join(", ")}`);
    process.exit(2);
  }
  return entries as EquivalentMutant[];
}

const { values } = parseArgs({
  options: {
    report: { type: "string", default: "reports/mutation/mutation.json" },
    equivalent: { type: "string", default: "stryker-equivalent.json" },
    "only-run": { type: "boolean", default: false },
  },
});
const report = readJson(values.report, "the mutation report") as MutationReport;
if (typeof report?.files !== "object" || report.files === null) {
  console.error(`mutation-score: ${values.report} is not a Stryker JSON report (no "files")`);
  process.exit(2);
}
const equivalents = equivalentsFrom(readJson(values.equivalent, "the equivalent mutants"), values.equivalent);
const { groups, staleEquivalents } = scoreGroups(report, MUTATION_GROUPS, equivalents);
const shown = values["only-run"] ? groups.filter((g) => g.score !== null) : groups;
console.log(formatScores(shown, MINIMUM_SCORE));
// A run of some groups or files can only tell of the equivalents of the files it mutated.
const ranFiles = new Set(Object.keys(report.files));
const stale = values["only-run"] ? staleEquivalents.filter((e) => ranFiles.has(e.file)) : staleEquivalents;
for (const e of stale)
  console.log(`listed as equivalent, but no such mutant survives: ${e.file}:${e.line} ${e.mutator} → ${e.replacement}`);
const failing = shown.filter((g) => g.score === null || g.score < MINIMUM_SCORE);
if (failing.length > 0) console.log(`under ${MINIMUM_SCORE}% or not run: ${failing.map((g) => g.group).join(", ")}`);
process.exit(failing.length > 0 || (!values["only-run"] && stale.length > 0) ? 1 : 0);
