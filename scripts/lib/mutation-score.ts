// The mutation score of each module group (scripts/lib/mutation-groups.mjs) from Stryker's JSON report, less the
// mutants listed as equivalent (stryker-equivalent.json): killed and timed out, over killed, timed out, survived and
// not covered. Mutants Stryker could not run (compile or runtime errors, ignored) count in neither.
import { relative, resolve } from "node:path";
import { globMatcher } from "./mutation-groups.mjs";

/** One mutant as Stryker's JSON report (mutation-testing-report-schema) gives it. */
export interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}

/** The part of Stryker's JSON report read here: mutants by file. */
export interface MutationReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

/** A mutant that no test can tell from the original, and why. */
export interface EquivalentMutant {
  file: string;
  line: number;
  mutator: string;
  replacement: string;
  reason: string;
}

export interface GroupScore {
  group: string;
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  equivalent: number;
  /** Percent, or null when the group has no scored mutant in the report. */
  score: number | null;
}

export interface ScoreResult {
  groups: GroupScore[];
  /** Listed equivalents that match no surviving or uncovered mutant: killed since, or moved. */
  staleEquivalents: EquivalentMutant[];
}

const UNDETECTED = new Set(["Survived", "NoCoverage"]);

export { globMatcher };

const isEquivalent = (entry: EquivalentMutant, file: string, mutant: ReportMutant) =>
  entry.file === file &&
  entry.line === mutant.location.start.line &&
  entry.mutator === mutant.mutatorName &&
  entry.replacement === (mutant.replacement ?? "");

function emptyScore(group: string): GroupScore {
  return { group, killed: 0, timedOut: 0, survived: 0, noCoverage: 0, equivalent: 0, score: null };
}

function count(score: GroupScore, status: string): void {
  if (status === "Killed") score.killed++;
  else if (status === "Timeout") score.timedOut++;
  else if (status === "Survived") score.survived++;
  else if (status === "NoCoverage") score.noCoverage++;
}

/** Each group's score; a file's path in the report is taken relative to `root` when it is absolute. */
export function scoreGroups(
  report: MutationReport,
  groups: Record<string, string[]>,
  equivalents: EquivalentMutant[],
  root = process.cwd(),
): ScoreResult {
  const matchers = Object.entries(groups).map(([group, globs]) => ({ group, matches: globs.map(globMatcher) }));
  const scores = new Map(matchers.map(({ group }) => [group, emptyScore(group)]));
  const used = new Set<EquivalentMutant>();
  for (const [name, { mutants }] of Object.entries(report.files)) {
    const file = relative(root, resolve(root, name)).split("\\").join("/");
    const group = matchers.find(({ matches }) => matches.some((match) => match(file)))?.group;
    if (group === undefined) continue;
    const score = scores.get(group)!;
    for (const mutant of mutants) {
      const entry = UNDETECTED.has(mutant.status) && equivalents.find((e) => isEquivalent(e, file, mutant));
      if (entry) {
        used.add(entry);
        score.equivalent++;
      } else count(score, mutant.status);
    }
  }
  for (const score of scores.values()) {
    const detected = score.killed + score.timedOut;
    const total = detected + score.survived + score.noCoverage;
    score.score = total === 0 ? null : (100 * detected) / total;
  }
  return { groups: [...scores.values()], staleEquivalents: equivalents.filter((entry) => !used.has(entry)) };
}

/** The table printed after a run: one row a group. */
export function formatScores(groups: GroupScore[], minimum: number): string {
  const header = ["group", "score", "killed", "timed out", "survived", "no coverage", "equivalent"];
  const rows = groups.map((g) => [
    g.group,
    g.score === null ? "not run" : `${g.score.toFixed(1)}%${g.score < minimum ? " (under the minimum)" : ""}`,
    ...[g.killed, g.timedOut, g.survived, g.noCoverage, g.equivalent].map(String),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
